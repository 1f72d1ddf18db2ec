import { Button } from '@fluentui/react-components';
import { ErrorCircleRegular } from '@fluentui/react-icons/svg/error-circle';
import { EmptyState } from './EmptyState';

/**
 * A tab whose work waits until the 体系 or the 様式 has no error (planErrorPart, as the CLI refuses): says
 * which, and leads to the 体系 tab where the errors are listed with their cells.
 */
export function PlanBlocked(props: {
  part: '体系' | '様式';
  /** What waits (「シートは作成できません」), and why it must (what going on without the broken rows would do). */
  action: string;
  why: string;
  onGoToPlan: () => void;
}) {
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
      {`${props.part}のエラーを直して「再読み込み」を押すまで、${props.action}。${props.why}（エラーは体系タブにセルつきで一覧しています）。`}
    </EmptyState>
  );
}
