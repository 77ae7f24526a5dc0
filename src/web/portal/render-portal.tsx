import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CrisisLine } from '../../domain/clinic/index';
import { DonePage, HandBackPage, LinkStatePage, type LinkState } from './outcome-pages';
import { QuestionnairePage, type QuestionnairePageProps } from './questionnaire-page';
import {
  BirthDatePage,
  ConsentFormPage,
  FormDonePage,
  FormStatePage,
  IntakeFormPage,
  type ConsentFormPageProps,
  type FormFrameProps,
  type FormLinkState,
  type IntakeFormPageProps,
} from './form-pages';

/** Patient pages are static HTML rendered on the server; only the signature pad has a script. */
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

export const renderBirthDatePage = (props: { frame: FormFrameProps; attemptsLeft?: number }) =>
  renderPortal(<BirthDatePage {...props} />);
export const renderIntakeFormPage = (props: IntakeFormPageProps) =>
  renderPortal(<IntakeFormPage {...props} />);
export const renderConsentFormPage = (props: ConsentFormPageProps) =>
  renderPortal(<ConsentFormPage {...props} />);
export const renderFormDonePage = (props: Parameters<typeof FormDonePage>[0]) =>
  renderPortal(<FormDonePage {...props} />);
export const renderFormStatePage = (props: { state: FormLinkState; clinicName?: string; kiosk?: boolean }) =>
  renderPortal(<FormStatePage {...props} />);
export type { FormFrameProps };
