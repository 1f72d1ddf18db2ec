"""How samples/r3 was constructed from samples/r2 for the demo (not published text).

Run from the repository root: python3 samples/r3/derive.py
Writes samples/r3/plan.json and samples/r3/entries.json. See samples/r3/README.md.
"""
import json
import re

R2_PLAN = json.load(open('samples/r2/plan.json', encoding='utf-8'))
R2_ENTRIES = json.load(open('samples/r2/entries.json', encoding='utf-8'))
YEAR = '令和3年度'

RENAMED = ('(1) マイナンバーカードの普及', '(1) マイナンバーカードの普及と利活用')
ADDED_AFTER = '(2) 情報通信技術 (ICT) を活用した情報サービスの検討'
ADDED = ['', '', '(3) 行政手続のオンライン化の検討', '総務課']


def plan():
    grid = []
    for row in R2_PLAN['grid']:
        row = list(row)
        if row[2] == RENAMED[0]:
            row[2] = RENAMED[1]
        grid.append(row)
        if row[2] == ADDED_AFTER:
            grid.append(list(ADDED))
    return {**R2_PLAN, 'title': '町政運営推進プラン R3（デモ用に作成）', 'fiscalYear': YEAR, 'grid': grid}


def lines(text):
    out = []
    for line in text.split('\n'):
        line = re.sub(r'^[・○\s]+', '', line).strip().rstrip('。')
        if line:
            out.append(line)
    return out


def first_half(e):
    a = lines(e['fields']['actions'])
    return f"○{a[0]}について、年度当初に担当内で進め方を確かめ、取組を始めた。"


def second_half(e):
    a = lines(e['fields']['actions'])
    target = a[1] if len(a) > 1 else a[0]
    return f"○前期の状況を受けて、{target}を中心に続けた。\n○年度末に成果と残った課題を担当内で整理した。"


def evaluation(e, achievement):
    g = re.sub(r'を図る$', '', (lines(e['fields']['goal']) or lines(e['fields']['vision']))[0])
    a = lines(e['fields']['actions'])
    if achievement == '達成できた':
        return f"{g}に向けた取組は、おおむね計画どおりに進んだ。次年度も内容を見直しながら続ける。"
    if achievement == '一部達成できた':
        part = a[1] if len(a) > 1 else a[0]
        return f"{g}に向けた取組のうち、「{part}」は計画どおりには進まなかった。原因を整理し、次年度の進め方に生かす。"
    return f"{g}に向けた取組は、計画どおりに進まなかった。実施の体制を見直し、次年度に改めて取り組む。"


# A few changed results (the same item, department and seq as in R2).
ACHIEVEMENT = {
    ('I-1-1-1', '総務課', 1): '達成できた',
    ('I-2-1-2', '農業振興課', 1): '達成できた',
    ('II-1-3-2', '建設水道課', 1): '一部達成できた',
    ('II-2-3-1', '総務課', 1): '達成できた',
    ('II-1-4-1', '総務課', 1): '一部達成できた',
}
# A carried field edited for the new year.
EDITED = {
    ('II-1-3-1', '建設水道課', 1): ('actions', '令和2年度の事後検証', '令和3年度の事後検証'),
    ('I-2-1-1', '町民生活課', 1): ('actions', '町政懇談会の開催', '町政懇談会の開催（オンライン参加を含む）'),
}
COPIED = ('II-1-2-1', '総務課', 1)  # 評価・検証 left as R2's, word for word
SAME_HALVES = ('II-2-1-1', '総務課', 1)  # 後期 = 前期


def entries():
    out = []
    labels = {}
    for e in R2_ENTRIES:
        key = (e['code'], e['department'], e['seq'])
        f = dict(e['fields'])
        achievement = ACHIEVEMENT.get(key, f['achievement'])
        r3 = {
            'vision': f['vision'],
            'goal': f['goal'],
            'actions': f['actions'],
            'firstHalf': first_half(e),
            'secondHalf': second_half(e),
            'achievement': achievement,
            'evaluation': evaluation(e, achievement),
        }
        if key in EDITED:
            field, old, new = EDITED[key]
            assert old in r3[field], key
            r3[field] = r3[field].replace(old, new)
        if key == COPIED:
            r3['evaluation'] = f['evaluation']
        if key == SAME_HALVES:
            r3['secondHalf'] = r3['firstHalf']
        label = e['label'].replace(RENAMED[0], RENAMED[1])
        labels[e['code']] = label
        out.append({**e, 'label': label, 'fiscalYear': YEAR, 'fields': r3})
    added = {
        'code': 'II-2-4-3',
        'label': '④ 情報通信技術 (ICT) の利活用 ' + ADDED[2],
        'department': '総務課',
        'seq': 1,
        'fiscalYear': YEAR,
        'fields': {
            'vision': '町民が窓口に来なくても、主な行政手続をいつでも行えるようにする。',
            'goal': '・オンラインで受け付ける手続の選定\n・電子申請サービスの試行',
            'actions': '・各課の申請手続の棚卸し\n・電子申請サービスの比較と試行',
            'firstHalf': '○各課の申請手続を棚卸しし、件数の多い手続を一覧にまとめた。',
            'secondHalf': '○電子申請サービスを比較し、転入届に関する手続で試行の準備を進めた。',
            'achievement': '一部達成できた',
            'evaluation': '手続の棚卸しは終えたが、試行の開始は次年度にずれ込んだ。各課と調整し、試行する手続を増やしていく。',
        },
    }
    # In 体系 order: after the last II-2-4 entry.
    at = max(i for i, e in enumerate(out) if e['code'].startswith('II-2-4-')) + 1
    out.insert(at, added)
    return out


json.dump(plan(), open('samples/r3/plan.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
open('samples/r3/plan.json', 'a', encoding='utf-8').write('\n')
json.dump(entries(), open('samples/r3/entries.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
open('samples/r3/entries.json', 'a', encoding='utf-8').write('\n')
