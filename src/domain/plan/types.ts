/** 体系: 基本項目 (Basic) > 推進項目 (Promotion) > 取組項目 ① (Group) > 取組項目 (1) (Item). */

/** Who does an item: named departments, or 全課 with the department that compiles (とりまとめ課). */
export type Assignment =
  | { readonly kind: 'departments'; readonly departments: readonly string[] }
  | { readonly kind: 'all'; readonly coordinator: string };

export interface Item {
  /** `I-1-1-1`: Roman 基本項目, then 推進項目, group and item numbers. */
  readonly code: string;
  readonly number: number;
  readonly title: string;
  readonly assignment: Assignment;
}

export interface Group {
  readonly number: number;
  readonly title: string;
  readonly items: readonly Item[];
}

export interface Promotion {
  readonly number: number;
  readonly title: string;
  readonly groups: readonly Group[];
}

export interface Basic {
  readonly number: number;
  readonly title: string;
  readonly promotions: readonly Promotion[];
}

export interface Plan {
  readonly basics: readonly Basic[];
  /**
   * Every department of the plan in 体系 order. It may name departments that appear nowhere in an item's
   * 実践課 but contribute to 全課 items (the seed's 教育振興課).
   */
  readonly departments: readonly string[];
}

/** An item with its ancestors, for listing and printing. */
export interface PlanItem {
  readonly code: string;
  readonly basic: Basic;
  readonly promotion: Promotion;
  readonly group: Group;
  readonly item: Item;
  /** 0-based position in 体系 order. */
  readonly index: number;
}

/** One item × department pair a sheet is expected for (全課: the coordinator). */
export interface Assignee {
  readonly code: string;
  readonly department: string;
}
