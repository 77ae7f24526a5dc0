/* global document */
// The anonymous self-check: scores PHQ-9 and GAD-7 in the browser. Nothing is stored or sent;
// the totals reach the server only if the person ticks "include" in the consultation form.
// The scoring mirrors src/domain/site/self-check.ts; a unit test checks both against the
// instrument library, and the band cut points come from the library through the page's data.

/** The band whose lower bound the total has reached. */
export function bandFor(bands, total) {
  let chosen = bands[0];
  for (const band of bands) if (total >= band.min) chosen = band;
  return chosen;
}

/** Null until every item is answered; a partial total would understate symptoms. */
export function scoreAnswers(instrument, answers) {
  if (answers.length !== instrument.items.length || answers.some((a) => a === null)) return null;
  const total = answers.reduce((sum, a) => sum + a, 0);
  return { total, band: bandFor(instrument.bands, total) };
}

/** PHQ-9 item 9 answered above "not at all". */
export function crisisFlag(phq9Answers) {
  const item9 = phq9Answers[8];
  return typeof item9 === 'number' && item9 >= 1;
}

function answersFor(form, instrument) {
  return instrument.items.map((item) => {
    const checked = form.querySelector(`input[name="${instrument.id}-${item}"]:checked`);
    return checked ? Number(checked.value) : null;
  });
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function init() {
  const form = document.querySelector('[data-self-check]');
  const dataNode = document.getElementById('self-check-data');
  if (!form || !dataNode) return;
  const data = JSON.parse(dataNode.textContent);
  const topCrisis = document.getElementById('self-check-crisis');
  const inlineCrisis = document.getElementById('item9-crisis');
  const status = form.querySelector('[data-self-check-status]');
  const results = document.getElementById('self-check-results');
  const resultsBody = results.querySelector('[data-results]');

  const showCrisis = () => {
    // Shown the moment item 9 is answered above "not at all", before any score exists.
    if (topCrisis) topCrisis.hidden = false;
    if (inlineCrisis) inlineCrisis.hidden = false;
  };

  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target && target.name === 'phq9-item9' && Number(target.value) >= 1) showCrisis();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const phqAnswers = answersFor(form, data.phq9);
    const gadAnswers = answersFor(form, data.gad7);
    const missing = [];
    phqAnswers.forEach((a, i) => a === null && missing.push(`PHQ-9 question ${i + 1}`));
    gadAnswers.forEach((a, i) => a === null && missing.push(`GAD-7 question ${i + 1}`));
    if (missing.length) {
      status.textContent = `Please answer every question. Still to answer: ${missing.join(', ')}.`;
      const first = form.querySelector('fieldset.question:not(:has(input:checked)) input');
      if (first) first.focus();
      return;
    }
    status.textContent = '';
    const phq = scoreAnswers(data.phq9, phqAnswers);
    const gad = scoreAnswers(data.gad7, gadAnswers);
    const crisis = crisisFlag(phqAnswers);
    resultsBody.replaceChildren();
    if (crisis) {
      showCrisis();
      const box = topCrisis.cloneNode(true);
      box.id = 'results-crisis';
      box.hidden = false;
      box.setAttribute('aria-labelledby', 'results-crisis-heading');
      const heading = box.querySelector('h2');
      heading.id = 'results-crisis-heading';
      heading.textContent = 'First, please talk to someone about your thoughts of death or self-harm';
      resultsBody.append(box);
    }
    for (const [label, score, max] of [
      ['PHQ-9 (depression)', phq, data.phq9.max],
      ['GAD-7 (anxiety)', gad, data.gad7.max],
    ]) {
      const card = el('div', undefined, 'result-card');
      card.append(el('h3', label));
      card.append(
        el('p', `Your total is ${score.total} out of ${max}: ${score.band.label.toLowerCase()} symptoms.`),
      );
      resultsBody.append(card);
    }
    const sc = document.querySelector('#self-check-results [data-consultation-form]');
    if (sc) {
      const set = (name, value) => {
        const input = sc.querySelector(`[data-self-check="${name}"]`);
        if (input) input.value = value;
      };
      set('phq9Total', String(phq.total));
      set('gad7Total', String(gad.total));
      set('phq9Item9', crisis ? 'yes' : 'no');
      const include = sc.querySelector('input[name="includeSelfCheck"]');
      const sync = () =>
        sc.querySelectorAll('[data-self-check]').forEach((input) => (input.disabled = !include.checked));
      include.addEventListener('change', sync);
      sync();
    }
    results.hidden = false;
    results.focus();
  });
}

if (typeof document !== 'undefined') init();
