import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDepartmentFiles, type BuiltFile } from '../../src/app/buildWorkbooks';
import { consolidate, readSource, type SourceInput } from '../../src/app/consolidate';
import { readWorkbook } from '../../src/app/validateWorkbook';
import { consolidateEntries } from '../../src/domain/consolidation/consolidateEntries';
import {
  ACHIEVEMENT_CHOICES,
  FIELD_KEYS,
  STANDARD_FORM,
  type FieldKey,
} from '../../src/domain/entry/formDefinition';
import { emptyFields, type Entry } from '../../src/domain/entry/types';
import { formLabels } from '../../src/domain/extract/formLabels';
import { parsePlanGrid } from '../../src/domain/plan/parsePlanGrid';
import { itemCode, itemsForDepartment } from '../../src/domain/plan/planItems';
import { departmentsInItemOrder, planToGrid } from '../../src/domain/plan/planToGrid';
import type { Assignment, Plan } from '../../src/domain/plan/types';
import { buildMasterTemplate } from '../../src/domain/template/buildMasterTemplate';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';

/**
 * Properties over random 体系 and random department text: what is filled is what is read, and consolidation
 * does not depend on the order of the files, gives the same master when run again, and logs every sheet
 * once. Runs are few (each builds and reads real .xlsx files), the generators small and sharp.
 */

const FISCAL_YEAR = 2021;
const STAMP = '2022-03-31T17:00:00';
const DEPARTMENTS = [
  '総務課',
  '町民生活課',
  '建設水道課',
  '企画商工観光課',
  '保健福祉課',
  '農業振興課',
  'ラベンダーハイツ',
  '教育振興課',
];

// ---------------------------------------------------------------------------------------------------------
// Random 体系: 1–2 基本項目 × 1–2 推進項目 × 1–2 取組項目 ① × 1–2 (1), 1–3 departments.

const TITLE_CHARS = [
  ...'まちづくり協働推進行財政運営計画情報共有地域防災福祉教育観光施設管理充実向上検討実施の・',
];
/** Titles, often shared: two items may then print the same 取組項目 label under different 推進項目. */
const title = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TITLE_CHARS), minLength: 2, maxLength: 10 }),
  fc.constantFrom('推進体制', '進行管理'),
);

const planArb: fc.Arbitrary<Plan> = fc
  .shuffledSubarray(DEPARTMENTS, { minLength: 1, maxLength: 3 })
  .chain((pool) => {
    const assignment: fc.Arbitrary<Assignment> = fc.oneof(
      fc
        .shuffledSubarray(pool, { minLength: 1 })
        .map((departments) => ({ kind: 'departments' as const, departments })),
      fc.constantFrom(...pool).map((coordinator) => ({ kind: 'all' as const, coordinator })),
    );
    const items = fc.array(fc.record({ title, assignment }), { minLength: 1, maxLength: 2 });
    const groups = fc.array(fc.record({ title, items }), { minLength: 1, maxLength: 2 });
    const promotions = fc.array(fc.record({ title, groups }), { minLength: 1, maxLength: 2 });
    return fc.tuple(
      fc.constant(pool),
      fc.array(fc.record({ title, promotions }), { minLength: 1, maxLength: 2 }),
    );
  })
  .map(([pool, basics]) => {
    const plan: Plan = {
      departments: [],
      basics: basics.map((b, bi) => ({
        number: bi + 1,
        title: b.title,
        promotions: b.promotions.map((p, pi) => ({
          number: pi + 1,
          title: p.title,
          groups: p.groups.map((g, gi) => ({
            number: gi + 1,
            title: g.title,
            items: g.items.map((it, ii) => ({
              code: itemCode(bi + 1, pi + 1, gi + 1, ii + 1),
              number: ii + 1,
              title: it.title,
              assignment: it.assignment,
            })),
          })),
        })),
      })),
    };
    // With a 全課 item, every department of the pool takes part, even one in no item (教育振興課 in R2).
    const inItems = departmentsInItemOrder(plan);
    const hasAll = plan.basics.some((b) =>
      b.promotions.some((p) => p.groups.some((g) => g.items.some((i) => i.assignment.kind === 'all'))),
    );
    return {
      ...plan,
      departments: hasAll ? [...inItems, ...pool.filter((d) => !inItems.includes(d))] : inItems,
    };
  });

// ---------------------------------------------------------------------------------------------------------
// Random department text: Japanese, any Unicode, emoji, line breaks, a leading =, formula-like text, 10,000
// characters. Kept in the form a reader returns (no \r, no outer spaces) and never a form label itself.

const JAPANESE = [...'あいうえおかきくけこ町民協働推進取組計画防災福祉の、。・「」（）０１２ＡＢｶﾅ　 -~'];
const japanese = fc.string({ unit: fc.constantFrom(...JAPANESE), minLength: 1, maxLength: 60 });
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇯🇵', '㊗️', '🏔'];
const isLabel = formLabels(STANDARD_FORM);
const canonical = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

const textArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 5, arbitrary: japanese },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(japanese, fc.constantFrom(...EMOJI)), { minLength: 1, maxLength: 6 })
        .map((parts) => parts.join('')),
    },
    {
      weight: 2,
      arbitrary: fc.array(japanese, { minLength: 2, maxLength: 5 }).map((lines) => lines.join('\n')),
    },
    { weight: 2, arbitrary: japanese.map((t) => `=${t}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '=SUM(A1:A3)',
        '=HYPERLINK("http://example.com/x","詳しく")',
        '+1+1',
        '@SUM(1)',
        '-1',
        '_x0041_ と _x000D_',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(japanese, fc.constantFrom(...EMOJI)).map(([t, e]) =>
        Array.from((t + e).repeat(Math.ceil(10_000 / (t + e).length)))
          .slice(0, 10_000)
          .join(''),
      ),
    },
    { weight: 3, arbitrary: fc.constant('') },
  )
  .map(canonical)
  .filter((t) => t === '' || isLabel(t) === undefined);

const fieldsArb = fc.record(
  Object.fromEntries(
    FIELD_KEYS.map((k) => [
      k,
      k === 'achievement' ? fc.oneof(fc.constantFrom('', ...ACHIEVEMENT_CHOICES), textArb) : textArb,
    ]),
  ) as Record<FieldKey, fc.Arbitrary<string>>,
);

/** A plan and, per department and owed item, nothing, one sheet, or two sheets (seq 1 and 2). */
const filledArb = planArb.chain((plan) => {
  const owed = plan.departments.flatMap((department) =>
    itemsForDepartment(plan, department).map((p) => ({ department, code: p.code })),
  );
  return fc
    .tuple(...owed.map(() => fc.tuple(fc.integer({ min: 0, max: 2 }), fieldsArb, fieldsArb)))
    .map((choices) => {
      const entries: Entry[] = owed.flatMap(({ department, code }, i) => {
        const [sheets, first, second] = choices[i] ?? [0, emptyFields(), emptyFields()];
        return [first, second]
          .slice(0, sheets)
          .map((fields, s) => ({ code, department, seq: s + 1, fiscalYear: FISCAL_YEAR, fields }));
      });
      return { plan, entries };
    });
});

/** The plan as 総務課 keeps it: its 体系 table, read back by the 体系 parser. */
function throughGrid(plan: Plan): Plan {
  const parsed = parsePlanGrid(planToGrid(plan));
  expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return parsed.plan;
}

const key = (e: { code: string; department: string; seq: number }) => `${e.code} ${e.department} ${e.seq}`;

describe('properties (fast-check)', () => {
  it(
    'build → fill → extract returns exactly what was filled, for random 体系 and text',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(filledArb, async ({ plan: drawn, entries }) => {
          const plan = throughGrid(drawn);
          expect(plan).toEqual(drawn);
          const files = await buildDepartmentFiles(excelJsFactory, {
            plan,
            fiscalYear: FISCAL_YEAR,
            entries,
          });
          for (const file of files) {
            const opened = await excelJsFactory.open(file.bytes, file.fileName);
            if (!opened.ok) throw new Error(opened.error.message);
            const read = await readWorkbook(opened.value, {
              file: file.fileName,
              plan,
              fiscalYear: FISCAL_YEAR,
            });
            const filled = new Map(
              entries.filter((e) => e.department === file.department).map((e) => [key(e), e]),
            );
            // One entry per sheet: the filled ones as filled, every other owed item as an empty sheet.
            const expected = itemsForDepartment(plan, file.department).flatMap((p) => {
              const mine = [...filled.values()].filter((e) => e.code === p.code);
              return mine.length > 0
                ? mine
                : [
                    {
                      code: p.code,
                      department: file.department,
                      seq: 1,
                      fiscalYear: FISCAL_YEAR,
                      fields: emptyFields(),
                    },
                  ];
            });
            expect(read.extraction.entries.map((e) => e.entry)).toEqual(expected);
            expect(read.extraction.findings.filter((f) => f.code.startsWith('extract.'))).toEqual([]);
          }
        }),
        // endOnFailure: shrinking rebuilds workbooks for minutes; the seed and path replay a failure.
        { numRuns: 25, endOnFailure: true },
      );
    },
  );

  it(
    'consolidation is order-independent, idempotent, and logs every input sheet exactly once',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          filledArb,
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
          fc.boolean(),
          fc.infiniteStream(fc.nat()),
          async ({ plan, entries }, times, resubmit, shuffleSeeds) => {
            const built: BuiltFile[] = await buildDepartmentFiles(excelJsFactory, {
              plan,
              fiscalYear: FISCAL_YEAR,
              entries,
            });
            const inputs: SourceInput[] = built.map((f, i) => ({
              file: f.fileName,
              modified: times[i] ?? 0,
              bytes: f.bytes,
            }));
            // A department that sends its file again, under another name: the same sheets, replaced or replacing.
            if (resubmit && built[0])
              inputs.push({
                file: `再提出 ${built[0].fileName}`,
                modified: times[9] ?? 0,
                bytes: built[0].bytes,
              });

            const sources = await Promise.all(
              inputs.map((input) => readSource(excelJsFactory, input, plan, FISCAL_YEAR)),
            );
            const options = { stamp: STAMP, fiscalYear: FISCAL_YEAR, stage: 'year-end' as const };
            const once = consolidateEntries(plan, sources, options);
            const seeds = shuffleSeeds[Symbol.iterator]();
            for (let n = 0; n < 3; n++) {
              const shuffled = [...sources];
              for (let i = shuffled.length - 1; i > 0; i--) {
                const j = (seeds.next().value ?? 0) % (i + 1);
                [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
              }
              expect(consolidateEntries(plan, shuffled, options)).toEqual(once);
            }

            // Every sheet of every input file, exactly once.
            const logged = once.log.filter((r) => r.sheet !== '').map((r) => `${r.file}|${r.sheet}`);
            const sheetLists = await Promise.all(
              inputs.map(async (input) => {
                const opened = await excelJsFactory.open(input.bytes, input.file);
                return opened.ok
                  ? (await opened.value.listSheets()).map((s) => `${input.file}|${s.name}`)
                  : [];
              }),
            );
            const sheets = sheetLists.flat();
            expect([...logged].sort()).toEqual([...sheets].sort());

            // The app's consolidate into a master, twice: the same result and the same master.
            const master = await excelJsFactory.create(
              buildMasterTemplate({ plan, fiscalYear: FISCAL_YEAR, title: 'プラン' }),
            );
            const run = () =>
              consolidate(plan, inputs, {
                factory: excelJsFactory,
                target: master,
                stage: 'year-end',
                fiscalYear: FISCAL_YEAR,
                stamp: STAMP,
                title: 'プラン',
              });
            const first = await run();
            const afterFirst = await master.readSnapshot();
            const second = await run();
            expect(second.consolidation).toEqual(first.consolidation);
            expect(first.consolidation).toEqual(once);
            expect(await master.readSnapshot()).toEqual(afterFirst);
          },
        ),
        { numRuns: 15, endOnFailure: true },
      );
    },
  );
});
