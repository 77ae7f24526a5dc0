import type { ProtocolList } from '../../../contracts/dosing';
import { settingText } from './protocol-text';

/** Each dosing setting: the value in force, its default, and the source behind the default. */
export function SettingsSection({ data }: { data: ProtocolList }) {
  const s = data.dosingSettings;
  const d = data.defaultDosingSettings;
  return (
    <section aria-labelledby="dosing-settings">
      <h2 id="dosing-settings">Dosing settings</h2>
      <p className="muted">
        Administrators change these under Clinic settings (section “dosing”). Each default and its source:
      </p>
      <div className="table-wrap" role="region" aria-label="Dosing settings table" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Dosing settings with defaults and sources</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">In force</th>
              <th scope="col">Default</th>
              <th scope="col">Source and rationale</th>
            </tr>
          </thead>
          <tbody>
            {data.settingSources.map((src) => (
              <tr key={src.setting}>
                <th scope="row">{src.setting}</th>
                <td>{settingText(s[src.setting as keyof typeof s])}</td>
                <td>{settingText(d[src.setting as keyof typeof d])}</td>
                <td>
                  {src.rationale}{' '}
                  {src.citations.map((c) => (
                    <span key={c.id} className="badge protocols__tag">
                      {c.source} [{c.tag}]
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
