import type { Enquiry } from '../../../contracts/enquiries';
import { formatDateTime } from '../format';
import { concernLabel, phoneHref } from './enquiry-labels';

/** How and when the person asked to be contacted, and their self-check scores if they took it. */
export function EnquiryFacts({ enquiry }: { enquiry: Enquiry }) {
  return (
    <dl className="enquiry-facts">
      <dt>Received</dt>
      <dd>{formatDateTime(enquiry.createdAt)}</dd>
      <dt>Contact by</dt>
      <dd>{enquiry.contactPreference === 'phone' ? 'Phone' : 'Email'}</dd>
      <dt>Email</dt>
      <dd>
        <a href={`mailto:${enquiry.email}`}>{enquiry.email}</a>
      </dd>
      <dt>Phone</dt>
      <dd>{enquiry.phone ? <a href={phoneHref(enquiry.phone)}>{enquiry.phone}</a> : 'Not given'}</dd>
      <dt>Wants help with</dt>
      <dd>{concernLabel(enquiry.concern)}</dd>
      {enquiry.selfCheck ? (
        <>
          <dt>Self-check</dt>
          <dd>
            PHQ-9 {enquiry.selfCheck.phq9Total} of 27, GAD-7 {enquiry.selfCheck.gad7Total} of 21
          </dd>
        </>
      ) : null}
    </dl>
  );
}
