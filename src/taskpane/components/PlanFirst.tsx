import { Button } from '@fluentui/react-components';
import { TextBulletListTreeRegular } from '@fluentui/react-icons/svg/text-bullet-list-tree';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';

/** A tab that needs the 体系 first: says why (children) and leads to the 体系 tab. */
export function PlanFirst(props: { onGoToPlan: () => void; children: ReactNode }) {
  return (
    <EmptyState
      icon={<TextBulletListTreeRegular />}
      title="先に体系を読み込んでください"
      actions={
        <Button appearance="primary" onClick={props.onGoToPlan}>
          体系タブへ
        </Button>
      }
    >
      {props.children}
    </EmptyState>
  );
}
