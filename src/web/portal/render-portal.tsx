import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CrisisLine } from '../../domain/clinic/index';
import { DonePage, HandBackPage, LinkStatePage, type LinkState } from './outcome-pages';
import { QuestionnairePage, type QuestionnairePageProps } from './questionnaire-page';

/** Patient pages are static HTML: React renders them on the server; no script reaches the browser. */
export function renderPortal(page: ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}

export const renderQuestionnairePage = (props: QuestionnairePageProps) =>
  renderPortal(<QuestionnairePage {...props} />);

export const renderLinkStatePage = (props: {
  state: LinkState;
  clinicName?: string;
  crisisLine?: CrisisLine;
  kiosk?: boolean;
}) => renderPortal(<LinkStatePage {...props} />);

export const renderDonePage = (props: {
  clinicName: string;
  crisis: boolean;
  crisisLine: CrisisLine;
  kiosk: boolean;
}) => renderPortal(props.kiosk ? <HandBackPage {...props} /> : <DonePage {...props} />);

export type { LinkState };
