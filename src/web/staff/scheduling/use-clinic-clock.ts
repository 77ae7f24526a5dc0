import { useEffect, useState } from 'react';
import { clinicNow } from '../format';

/** The clinic's date and clock, and the instant, kept current every 30 seconds (the "now" line, no-shows). */
export function useClinicClock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return { now, ...clinicNow(new Date(now)) };
}
