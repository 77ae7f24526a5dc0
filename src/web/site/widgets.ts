import { enquiryConcernLabels, enquiryConcerns, type SelfCheckInstrument } from '../../domain/site/index.js';
import { escapeHtml, jsonForScript } from './html.js';
import { crisisBlock, displayName, MISSING_CONTACT, MISSING_HOURS, type SiteContext } from './layout.js';

export function homeHero(ctx: SiteContext): string {
  return `<section class="hero">
<h1>${escapeHtml(displayName(ctx))}</h1>
<p class="lead">${escapeHtml(ctx.site.tagline)}</p>
<p class="actions"><a class="button" href="${escapeHtml(ctx.site.bookingUrl || '/consultation')}">Request a consultation</a> <a class="button button-secondary" href="/am-i-a-candidate">Take the self-check</a></p>
</section>`;
}

export interface FormValues {
  [field: string]: string | undefined;
}

export interface FormErrors {
  [field: string]: string;
}

function fieldError(errors: FormErrors, field: string): string {
  const message = errors[field];
  return message ? `<p class="field-error" id="${field}-error">${escapeHtml(message)}</p>` : '';
}

function describedBy(errors: FormErrors, field: string, hint?: string): string {
  const ids = [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
}

function invalid(errors: FormErrors, field: string): string {
  return errors[field] ? ' aria-invalid="true"' : '';
}

/**
 * The consultation form. It posts as a plain HTML form (works without JavaScript) and the page's
 * script upgrades it to a JSON post. `withSelfCheck` adds the opt-in for self-check totals.
 */
export function consultationForm(
  ctx: SiteContext,
  options: { idPrefix?: string; values?: FormValues; errors?: FormErrors; withSelfCheck?: boolean } = {},
): string {
  const p = options.idPrefix ?? 'c';
  const v = options.values ?? {};
  const e = options.errors ?? {};
  const val = (k: string) => escapeHtml(v[k] ?? '');
  const summary = Object.keys(e).length
    ? `<div class="error-summary" role="alert" tabindex="-1" id="${p}-errors"><h2>Please check ${Object.keys(e).length === 1 ? 'this field' : 'these fields'}</h2><ul>${Object.entries(
        e,
      )
        .map(([field, message]) =>
          field === 'form'
            ? `<li>${escapeHtml(message)}</li>`
            : `<li><a href="#${p}-${field}">${escapeHtml(message)}</a></li>`,
        )
        .join('')}</ul></div>`
    : '';
  const concernOptions = ['<option value="">Choose one (optional)</option>']
    .concat(
      enquiryConcerns.map(
        (c) =>
          `<option value="${c}"${v.concern === c ? ' selected' : ''}>${escapeHtml(enquiryConcernLabels[c])}</option>`,
      ),
    )
    .join('');
  const pref = v.contactPreference === 'phone' ? 'phone' : 'email';
  const err = (field: string) =>
    fieldError(e, field).replace(`id="${field}-error"`, `id="${p}-${field}-error"`);
  const by = (field: string, hint?: string) =>
    describedBy(e, field, hint).replace(`${field}-error`, `${p}-${field}-error`);
  const selfCheck = options.withSelfCheck
    ? `<div class="field checkbox">
<input type="checkbox" id="${p}-includeSelfCheck" name="includeSelfCheck" value="yes">
<label for="${p}-includeSelfCheck">Include my self-check scores (the two totals and whether I answered the last depression question with anything other than "not at all")</label>
</div>
<input type="hidden" name="phq9Total" value="" data-self-check="phq9Total" disabled>
<input type="hidden" name="gad7Total" value="" data-self-check="gad7Total" disabled>
<input type="hidden" name="phq9Item9" value="" data-self-check="phq9Item9" disabled>`
    : '';
  return `<form class="consultation-form" method="post" action="/site/consultation" novalidate data-consultation-form>
${summary}
<div class="field">
<label for="${p}-name">Your name</label>
<input id="${p}-name" name="name" type="text" autocomplete="name" required maxlength="120" value="${val('name')}"${invalid(e, 'name')}${by('name')}>
${err('name')}
</div>
<div class="field">
<label for="${p}-email">Email address</label>
<input id="${p}-email" name="email" type="email" autocomplete="email" required maxlength="200" value="${val('email')}"${invalid(e, 'email')}${by('email')}>
${err('email')}
</div>
<div class="field">
<label for="${p}-phone">Phone number <span class="optional">(optional)</span></label>
<input id="${p}-phone" name="phone" type="tel" autocomplete="tel" maxlength="40" value="${val('phone')}"${invalid(e, 'phone')}${by('phone')}>
${err('phone')}
</div>
<fieldset class="field">
<legend>How should we contact you?</legend>
<div class="choice"><input type="radio" id="${p}-pref-email" name="contactPreference" value="email"${pref === 'email' ? ' checked' : ''}><label for="${p}-pref-email">Email</label></div>
<div class="choice"><input type="radio" id="${p}-pref-phone" name="contactPreference" value="phone"${pref === 'phone' ? ' checked' : ''}><label for="${p}-pref-phone">Phone</label></div>
</fieldset>
<div class="field">
<label for="${p}-concern">What would you like help with?</label>
<select id="${p}-concern" name="concern"${invalid(e, 'concern')}>${concernOptions}</select>
${err('concern')}
</div>
<div class="field">
<label for="${p}-message">Anything else you would like us to know <span class="optional">(optional)</span></label>
<textarea id="${p}-message" name="message" rows="4" maxlength="2000" aria-describedby="${p}-message-hint${e.message ? ` ${p}-message-error` : ''}"${invalid(e, 'message')}>${val('message')}</textarea>
<p class="hint" id="${p}-message-hint">Please do not include anything you would not want a receptionist to read.</p>
${err('message')}
</div>
${selfCheck}
<div class="field honeypot" aria-hidden="true">
<label for="${p}-website">Leave this field empty</label>
<input id="${p}-website" name="website" type="text" tabindex="-1" autocomplete="off">
</div>
<div class="field checkbox">
<input type="checkbox" id="${p}-consent" name="consent" value="yes" required${v.consent ? ' checked' : ''}${invalid(e, 'consent')}${by('consent')}>
<label for="${p}-consent">I agree that ${escapeHtml(displayName(ctx))} may store these details and contact me about a consultation, as described in the <a href="/privacy">privacy notice</a>.</label>
${err('consent')}
</div>
<p><button class="button" type="submit">Send my request</button></p>
<p class="form-status" role="status" aria-live="polite" data-form-status></p>
</form>`;
}

/** `afterLast` goes right after the last item: for PHQ-9 the crisis notice next to item 9. */
function questionnaire(instrument: SelfCheckInstrument, afterLast = ''): string {
  const items = instrument.items
    .map((item, i) => {
      const name = `${instrument.id}-${item.id}`;
      const options = instrument.options
        .map(
          (o) =>
            `<div class="choice"><input type="radio" id="${name}-${o.value}" name="${name}" value="${o.value}"><label for="${name}-${o.value}">${escapeHtml(o.label)}</label></div>`,
        )
        .join('');
      return `<fieldset class="question" data-item="${item.id}"><legend><span class="qnum">${i + 1}.</span> ${escapeHtml(item.text)}</legend><div class="choices">${options}</div></fieldset>`;
    })
    .join('\n');
  return `<section class="instrument" aria-labelledby="${instrument.id}-heading">
<h2 id="${instrument.id}-heading">${escapeHtml(instrument.shortTitle)}</h2>
<p>${escapeHtml(instrument.stem)}</p>
${items}
${afterLast}
</section>`;
}

function bandTable(instrument: SelfCheckInstrument): string {
  const rows = instrument.bands
    .map((b, i) => {
      const next = instrument.bands[i + 1];
      const range = next ? `${b.min}–${next.min - 1}` : `${b.min}–${instrument.max}`;
      return `<tr><td>${range}</td><td>${escapeHtml(b.label)}</td></tr>`;
    })
    .join('');
  return `<table class="bands"><caption>${escapeHtml(instrument.shortTitle)} total (0–${instrument.max})</caption><thead><tr><th scope="col">Total</th><th scope="col">Severity</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The anonymous self-check. The crisis panel sits first in the page and is shown by the script
 * the moment PHQ-9 item 9 is answered above "not at all", before any score.
 */
export function selfCheckWidget(
  ctx: SiteContext,
  instruments: { phq9: SelfCheckInstrument; gad7: SelfCheckInstrument },
  cite: (id: string) => string,
): { top: string; bottom: string } {
  const top = crisisBlock(ctx, {
    id: 'self-check-crisis',
    hidden: true,
    heading: 'Your answer about thoughts of death or self-harm matters: please talk to someone now',
  });
  const data = {
    phq9: {
      id: 'phq9',
      items: instruments.phq9.items.map((i) => i.id),
      bands: instruments.phq9.bands,
      max: instruments.phq9.max,
    },
    gad7: {
      id: 'gad7',
      items: instruments.gad7.items.map((i) => i.id),
      bands: instruments.gad7.bands,
      max: instruments.gad7.max,
    },
  };
  const bottom = `<form class="self-check" id="self-check" data-self-check novalidate aria-describedby="self-check-note">
<p id="self-check-note" class="note">Answer every question for the last two weeks. Your answers stay on this page.</p>
<noscript><p class="note">Scoring the self-check needs JavaScript. You can also score it yourself: each answer counts 0 ("Not at all") to 3 ("Nearly every day"); add them up and compare with the tables below. If you answered question 9 of the PHQ-9 with anything other than "Not at all", please contact the crisis line above now.</p></noscript>
${questionnaire(instruments.phq9, crisisBlock(ctx, { id: 'item9-crisis', hidden: true, heading: 'Please talk to someone now', alert: true }))}
${questionnaire(instruments.gad7)}
<p><button class="button" type="submit">See my results</button></p>
<p class="form-status" role="status" aria-live="polite" data-self-check-status></p>
</form>
<script type="application/json" id="self-check-data">${jsonForScript(data)}</script>
<section id="self-check-results" class="results" hidden tabindex="-1" aria-labelledby="results-heading">
<h2 id="results-heading">Your results</h2>
<div data-results></div>
<h3>What the numbers mean</h3>
<p>A PHQ-9 total of 10 or more${cite('kroenke-2001')} and a GAD-7 total of 10 or more${cite('spitzer-2006')} are common signs that a full assessment is worthwhile. A positive answer to PHQ-9 question 9 is a reason to talk to someone soon, whatever the total.${cite('uebelacker-2011')} These numbers start a conversation with a clinician; they are not a diagnosis.</p>
<h3 id="self-check-consult-heading">Talk to us</h3>
<p>If you would like a consultation, you can send your request here. Your scores are only included if you tick the box.</p>
${consultationForm(ctx, { idPrefix: 'sc', withSelfCheck: true })}
</section>
<section aria-labelledby="scoring-heading" class="scoring">
<h2 id="scoring-heading">How the scores are worked out</h2>
<p>Each answer counts from 0 ("Not at all") to 3 ("Nearly every day"). The totals are grouped into the standard severity bands.${cite('kroenke-2001')}${cite('spitzer-2006')}</p>
<div class="band-tables">${bandTable(instruments.phq9)}${bandTable(instruments.gad7)}</div>
</section>
`;
  return { top, bottom };
}

export function contactWidget(ctx: SiteContext): string {
  const { site } = ctx;
  const locations = site.locations
    .map(
      (l) =>
        `<li><h3>${escapeHtml(l.name)}</h3><p>${escapeHtml(l.address)}</p>${l.hours ? `<p>${escapeHtml(l.hours)}</p>` : ''}</li>`,
    )
    .join('');
  return `<section aria-labelledby="contact-heading">
<h2 id="contact-heading">Reach us</h2>
${site.phone || site.email || site.address ? '' : `<p class="missing-detail">${escapeHtml(MISSING_CONTACT)}</p>`}
<ul class="plain contact-list">
${site.phone ? `<li>Phone: <a href="tel:${site.phone.replace(/[^0-9+]/g, '')}">${escapeHtml(site.phone)}</a></li>` : ''}
${site.email ? `<li>Email: <a href="mailto:${escapeHtml(site.email)}">${escapeHtml(site.email)}</a></li>` : ''}
${site.hours ? `<li>Hours: ${escapeHtml(site.hours)}</li>` : `<li class="missing-detail">${escapeHtml(MISSING_HOURS)}</li>`}
${site.address ? `<li>Address: ${escapeHtml(site.address)}</li>` : ''}
${site.bookingUrl ? `<li><a href="${escapeHtml(site.bookingUrl)}">Book online</a></li>` : ''}
</ul>
</section>
${
  site.locations.length > 0
    ? `<section aria-labelledby="locations-heading">
<h2 id="locations-heading">Locations</h2>
<ul class="plain locations">${locations}</ul>
</section>`
    : ''
}
${crisisBlock(ctx, { id: 'contact-crisis' })}`;
}

export function costWidget(ctx: SiteContext): string {
  return `<div class="clinic-note"><p><strong>Costs at ${escapeHtml(displayName(ctx))}:</strong> ${escapeHtml(ctx.site.costNote)}</p><p><strong>Insurance:</strong> ${escapeHtml(ctx.site.insuranceNote)}</p></div>`;
}
