import { Badge } from '@fluentui/react-components';
import type { Severity } from '../../domain/finding';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: 'エラー',
  warning: '警告',
  info: '情報',
};
const COLORS = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge
      appearance="tint"
      color={COLORS[severity]}
      shape="rounded"
      size="small"
      style={{ flexShrink: 0, whiteSpace: 'nowrap', marginTop: 1 }}
    >
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}
