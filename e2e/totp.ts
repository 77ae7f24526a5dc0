import { generate } from 'otplib';

const lastStep = new Map<string, number>();

/**
 * The next code an authenticator would show, never for a step already used: Arbor refuses a
 * replayed step, and accepts one step of drift, so a later step is used at once if it is the
 * next one and otherwise we wait for it.
 */
export async function nextTotp(secret: string): Promise<string> {
  const nowStep = Math.floor(Date.now() / 30_000);
  const step = Math.max(nowStep, (lastStep.get(secret) ?? -1) + 1);
  if (step > nowStep + 1) {
    const waitMs = (step - 1) * 30_000 - Date.now() + 500;
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  lastStep.set(secret, step);
  return generate({ secret, epoch: step * 30 });
}
