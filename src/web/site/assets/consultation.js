/* global document, window, fetch */
// Sends the consultation form as JSON and shows field errors in place. Without this script the
// same form posts as an ordinary HTML form and the server answers with the page itself.

function fieldOf(form, name) {
  return form.querySelector(`[name="${name}"]`);
}

function clearErrors(form) {
  form.querySelectorAll('.field-error[data-js]').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid="true"]').forEach((node) => node.removeAttribute('aria-invalid'));
}

function showErrors(form, fields) {
  let first;
  for (const { field, message } of fields) {
    const name = field.replace(/^body\./, '').split('.')[0];
    const input = fieldOf(form, name === 'selfCheck' ? 'includeSelfCheck' : name);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    const note = document.createElement('p');
    note.className = 'field-error';
    note.dataset.js = '1';
    note.id = `${input.id}-js-error`;
    note.textContent = message;
    input.closest('.field')?.append(note);
    const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(note.id))
      input.setAttribute('aria-describedby', [...described, note.id].join(' '));
    first ??= input;
  }
  first?.focus();
}

function payloadOf(form) {
  const value = (name) => (fieldOf(form, name)?.value ?? '').trim();
  const payload = {
    name: value('name'),
    email: value('email'),
    contactPreference: form.querySelector('input[name="contactPreference"]:checked')?.value ?? 'email',
    consent: Boolean(fieldOf(form, 'consent')?.checked),
    website: value('website'),
  };
  for (const optional of ['phone', 'concern', 'message'])
    if (value(optional)) payload[optional] = value(optional);
  const include = fieldOf(form, 'includeSelfCheck');
  if (include?.checked && value('phq9Total') !== '') {
    payload.selfCheck = {
      phq9Total: Number(value('phq9Total')),
      gad7Total: Number(value('gad7Total')),
      phq9Item9Positive: value('phq9Item9') === 'yes',
    };
  }
  return payload;
}

for (const form of document.querySelectorAll('[data-consultation-form]')) {
  const status = form.querySelector('[data-form-status]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = 'Sending…';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payloadOf(form)),
      });
      if (response.ok) {
        window.location.assign('/consultation/thanks');
        return;
      }
      const body = await response.json().catch(() => ({}));
      const fields = body?.error?.fields ?? [];
      status.textContent =
        response.status === 429
          ? 'Too many requests from your connection. Please wait a while, or call us.'
          : fields.length
            ? 'Please check the highlighted fields.'
            : 'Something went wrong. Please try again or call us.';
      showErrors(form, fields);
    } catch {
      status.textContent = 'We could not reach the clinic. Check your connection and try again, or call us.';
    }
  });
}
