import { Button } from '@fluentui/react-components';
import { ErrorCircleRegular } from '@fluentui/react-icons/svg/error-circle';
import { EmptyState } from './EmptyState';

/**
 * A tab whose work waits until the 体系 or the 様式 has no error (planErrorPart, as the CLI refuses): says
 * which, and leads to the 体系 tab where the errors are listed with their cells.
 */
export function PlanBlocked(props: { part: '体系' | '様式'; action: string; onGoToPlan: () => void }) {
  return (
    <EmptyState
      icon={<ErrorCircleRegular />}
      title={`${props.part}にエラーがあります`}
      actions={
        <Button appearance="primary" onClick={props.onGoToPlan}>
          体系タブで確認
        </Button>
      }
    >
      {`${props.part}のエラーを直して「再読み込み」を押すまで、${props.action}。誤りのある行を除いたまま進めると、その取組項目や項目のないブックを配ることになるためです（体系タブにセルつきで一覧しています）。`}
    </EmptyState>
  );
}
