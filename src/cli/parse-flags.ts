/** `--name value` and `--flag` pairs; positional arguments stay in order. */
export function parseFlags(args: string[], booleanFlags: string[] = []) {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (booleanFlags.includes(name)) flags[name] = true;
      else {
        const value = args[i + 1];
        if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
        flags[name] = value;
        i++;
      }
    } else positional.push(arg);
  }
  return { flags, positional };
}
