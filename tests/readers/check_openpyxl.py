"""Open every workbook Suishin wrote with openpyxl (an independent reader) and check what a person relies on.

Usage: /usr/bin/python3 check_openpyxl.py manifest.json
manifest.json: [{"path": ..., "name": ..., "kind": "blank" | "filled" | "template" | "master", "department"?: ...}]
Prints one JSON line per file: {"name", "ok", "checks", "errors": [...]}. Exit 1 when any file failed.
Expected texts come from samples/r2/entries.json (the built-in R2 sample).
"""
import json
import os
import sys
import warnings

import openpyxl

warnings.filterwarnings("ignore", category=UserWarning)  # ExcelJS's x14 extensions: harmless here

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
with open(os.path.join(ROOT, "samples", "r2", "entries.json"), encoding="utf-8") as f:
    ENTRIES = json.load(f)

# Every value is one unmerged cell of column D (a merged cell never grows its row in Excel).
FIELD_CELLS = {"vision": "D3", "goal": "D4", "actions": "D5", "firstHalf": "D7", "secondHalf": "D8", "achievement": "D9", "evaluation": "D10"}
INPUT_CELLS = list(FIELD_CELLS.values())
ENTRY_MERGES = {"A1:D1", "A2:C2", "A3:C3", "A4:A9", "B4:C4", "B5:C5", "B6:C6", "B7:B8", "B9:C9", "A10:C10"}
CHOICES = ["達成できた", "一部達成できた", "達成できなかった"]
MASTER_FIELDS = {"vision": 8, "goal": 9, "actions": 10, "firstHalf": 11, "secondHalf": 12, "achievement": 13, "evaluation": 14}


def sheet_name(entry):
    return f"{entry['code']} {entry['department']}" + (f" ({entry['seq']})" if entry["seq"] > 1 else "")


class Check:
    def __init__(self):
        self.count = 0
        self.errors = []

    def that(self, condition, message):
        self.count += 1
        if not condition:
            self.errors.append(message)


def print_area(ws):
    area = ws.print_area
    return ",".join(area) if isinstance(area, (list, tuple)) else (area or "")


def check_entry_sheet(c, ws, department, entry=None):
    where = f"「{ws.title}」"
    c.that(ws["A2"].value == "取組項目", f"{where} A2 is {ws['A2'].value!r}, not 取組項目")
    c.that(ws["B9"].value == "目標の達成", f"{where} B9 is {ws['B9'].value!r}, not 目標の達成")
    c.that(bool(ws["D2"].value), f"{where} has no item label in D2")
    dept = str(ws["D6"].value or "")
    c.that(department in dept or dept.startswith("全課"), f"{where} D6 (実践課) is {dept!r}")
    merges = {str(r) for r in ws.merged_cells.ranges}
    c.that(ENTRY_MERGES <= merges, f"{where} lacks merges {sorted(ENTRY_MERGES - merges)}")
    merged_inputs = [cell for cell in INPUT_CELLS for r in ws.merged_cells.ranges if cell in r]
    c.that(not merged_inputs, f"{where} input cells merged: {merged_inputs}")
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list" and "D9" in str(dv.sqref)]
    c.that(len(lists) == 1 and all(x in (lists[0].formula1 or "") for x in CHOICES), f"{where} D9 has no list validation with the three choices")
    c.that(ws.protection.sheet is True, f"{where} is not protected")
    locked = [cell for cell in INPUT_CELLS if ws[cell].protection.locked]
    c.that(not locked, f"{where} input cells locked: {locked}")
    c.that(ws["A2"].protection.locked and ws["D2"].protection.locked, f"{where} labels are not locked")
    c.that(ws.column_dimensions["F"].hidden is True, f"{where} metadata column F is not hidden")
    c.that(str(ws["F1"].value or "").startswith("suishin:entry;"), f"{where} F1 holds no metadata")
    c.that(print_area(ws).endswith("$A$1:$D$10"), f"{where} print area is {print_area(ws)!r}")
    c.that(ws.page_setup.paperSize in (9, "9") and ws.page_setup.orientation == "portrait", f"{where} is not A4 portrait")
    c.that(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (1, "1"), f"{where} does not fit one page wide")
    if entry is not None:
        c.that(ws["D2"].value == entry["label"], f"{where} D2 is {ws['D2'].value!r}, not {entry['label']!r}")
        for field, cell in FIELD_CELLS.items():
            c.that((ws[cell].value or "") == entry["fields"][field], f"{where} {cell} ({field}) differs from the sample")


def check_department(c, wb, department, filled):
    c.that(wb.sheetnames[0] == "目次", f"first sheet is {wb.sheetnames[0]!r}, not 目次")
    toc = wb["目次"]
    c.that(any(department in str(v) for row in toc.iter_rows(values_only=True) for v in row if v), f"目次 does not name {department}")
    mine = {sheet_name(e): e for e in ENTRIES if e["department"] == department}
    if filled:
        missing = sorted(set(mine) - set(wb.sheetnames))
        c.that(not missing, f"sheets missing: {missing}")
    for name in wb.sheetnames[1:]:
        check_entry_sheet(c, wb[name], department, mine.get(name) if filled else None)


def check_template(c, wb):
    c.that(wb.sheetnames == ["体系", "全体計画"], f"sheets are {wb.sheetnames}")
    plan = wb["体系"]
    c.that([plan.cell(2, i).value for i in range(1, 5)] == ["基本項目", "推進項目", "取組項目", "実践課【とりまとめ課】"], "体系 row 2 is not the header")
    c.that(any("効果的な情報発信手法の研究実施" in str(v) for row in plan.iter_rows(values_only=True) for v in row if v), "体系 lacks an R2 item")
    c.that(wb["全体計画"]["A2"].value == "取組項目コード", "全体計画 A2 is not 取組項目コード")


def check_master(c, wb):
    for name in ["体系", "全体計画", "提出状況", "達成状況", "集約ログ"]:
        c.that(name in wb.sheetnames, f"no {name} sheet")
    ws = wb["全体計画"]
    c.that(ws["A3"].value == "取組項目コード", "全体計画 A3 is not the header 取組項目コード")
    rows = [r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value]
    c.that(len(rows) == len(ENTRIES) + 1, f"全体計画 has {len(rows)} rows from the header, not {len(ENTRIES) + 1}")
    by_key = {(ws.cell(r, 1).value, ws.cell(r, 5).value, ws.cell(r, 6).value): r for r in rows[1:]}
    for e in ENTRIES:
        r = by_key.get((e["code"], e["department"], e["seq"]))
        c.that(r is not None, f"全体計画 lacks {e['code']} {e['department']} {e['seq']}")
        if r is not None:
            for field, col in MASTER_FIELDS.items():
                c.that((ws.cell(r, col).value or "") == e["fields"][field], f"全体計画 row {r} {field} differs from the sample")
    c.that("MasterPlan" in ws.tables, "全体計画 has no MasterPlan table")
    status = wb["提出状況"]
    states = {status.cell(r, 1).value: status.cell(r, 9).value for r in range(4, status.max_row + 1) if status.cell(r, 1).value}
    # 教育振興課 only contributes to 全課 items (compiled by 総務課): nothing is expected of it, so 対象なし.
    expected = {d: ("対象なし" if d == "教育振興課" else "完了") for d in states}
    c.that(len(states) == 8 and states == expected, f"提出状況 states are {states}")
    c.that(wb["集約ログ"].max_row >= 3 + 73, "集約ログ has fewer rows than input sheets")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    failed = 0
    for item in manifest:
        c = Check()
        try:
            wb = openpyxl.load_workbook(item["path"])
            kind = item["kind"]
            if kind in ("blank", "filled"):
                check_department(c, wb, item["department"], kind == "filled")
            elif kind == "template":
                check_template(c, wb)
            else:
                check_master(c, wb)
        except Exception as error:  # an unreadable file is a failure to report, not a crash
            c.that(False, f"openpyxl could not read it: {error!r}")
        failed += 1 if c.errors else 0
        print(json.dumps({"name": item["name"], "ok": not c.errors, "checks": c.count, "errors": c.errors[:10]}, ensure_ascii=False), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
