#!/usr/bin/env python3
"""Scores lede's quotes on PolNeAR (../shared/data/polnear, metric in its README).

    polnear_score.py --dump build/tests/analysis/polnear_dump --part dev [--floors F]

Runs the dump tool over PART/text, matches its quotes against the gold
attributions (dev-gold.json for dev; the brat files for train, first annotator
per article, pronoun sources skipped for speakers since train has no coreference
names, and a Source's name before its apposition standing in for dev's
source_name) and prints direct-quote, speech-attribution and speaker figures. A
speaker is right when its last word is that of the gold Source or its source_name
(the README's metric, a head-word comparison): a full name given for a Source that
is a description without a name ("the senator") is counted wrong, and the number of
such misses is printed beside the figure. With
--floors D,S,A,SPLIT it exits 1 when direct F1 < D, speech F1 < S, speaker
accuracy < A or split quotes > SPLIT. Exits 77 (skipped) when the data is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys

SKIP = 77
QUOTE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\''
# Verbs of saying, by stem; a cue counts as speech when one of its words has one
# of these stems (said, says, saying; told; according to).
SPEECH_STEMS = (
    'say', 'said', 'tell', 'told', 'add', 'accord', 'note', 'writ', 'wrote', 'ask', 'claim',
    'argu', 'state', 'explain', 'insist', 'announc', 'tweet', 'respond', 'repl', 'declar',
    'warn', 'suggest', 'report', 'comment', 'remark', 'conced', 'acknowledg', 'admit',
    'assert', 'contend', 'emphasiz', 'stress', 'mention', 'recall', 'quip', 'joke', 'joking',
    'predict', 'promis', 'vow', 'pledg', 'confirm', 'deni', 'deny', 'testif', 'describ',
    'call', 'urg', 'charg', 'accus', 'complain', 'boast', 'brag', 'retort', 'shout', 'yell',
    'told', 'spoke', 'speak', 'continu', 'reiterat', 'counter', 'object', 'disclos', 'reveal',
    'point', 'declin', 'post', 'wrote', 'lament', 'observ', 'allege', 'alleg', 'advis',
    'indicat', 'maintain', 'echo', 'prais', 'criticiz', 'attack', 'recount', 'told',
)
PRONOUNS = {'he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'his', 'its',
            'their', 'who', 'which', 'that', 'this', 'these', 'those'}


def is_speech_cue(cue):
    for w in re.findall(r"[a-z]+", (cue or '').lower()):
        if any(w.startswith(s) for s in SPEECH_STEMS):
            return True
    return False


def key_word(name):
    words = re.findall(r"[\w\-\.']+", (name or '').lower())
    while words and words[-1].strip('.') in ('jr', 'sr', 'ii', 'iii', 'iv'):
        words.pop()
    if not words:
        return ''
    w = words[-1]
    for suffix in ("'s", "\u2019s", "'"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w.strip(".'")


def head_name(source):
    """Train has no coreference names: the name a Source phrase is built around is
    taken to end before its apposition or relative clause ("Doug Usher, director
    of research at ..." -> "Doug Usher", "Sen. Bernie Sanders (I-Vt.)" -> "Sen.
    Bernie Sanders"). None for a pronoun or when nothing is cut."""
    if not source or source.lower().strip() in PRONOUNS:
        return None
    head = re.split(r",|\(| who | whose | which | -- | \u2014|\u2014 ", source)[0].strip()
    return head if head and head != source.strip() else None


def names_description(gold, speaker):
    """A gold Source that is a description with no name ("the senator", "The
    president") against a predicted full name ("Bernie Sanders"): the speaker the
    issue asks for, which the last-word comparison counts as wrong whether or not
    it is the right person. Counted apart so that the figure says how many."""
    source = (gold.get('source') or '').strip()
    if gold.get('source_is_pronoun') or not source.lower().startswith('the '):
        return False
    if any(w[:1].isupper() for w in source.split()[1:]) and gold.get('source_name'):
        return False
    words = (speaker or '').split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def read_ann(path):
    spans, events = {}, []
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if line.startswith('T') and len(parts) >= 3:
                kind, _, offs = parts[1].partition(' ')
                frags = [tuple(int(x) for x in p.split()) for p in offs.split(';')]
                spans[parts[0]] = (kind, frags, parts[2] if len(parts) > 2 else '')
            elif line.startswith('E') and len(parts) >= 2:
                roles = dict(r.split(':', 1) for r in parts[1].split() if ':' in r)
                events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get('Content'))
        if not content:
            continue
        source = spans.get(roles.get('Source'))
        cue = spans.get(roles.get('Cue'))
        src = source[2] if source else None
        out.append({
            'content_fragments': [list(f) for f in content[1]],
            'direct': content[2].lstrip()[:1] in QUOTE_MARKS,
            'source': src,
            'source_is_pronoun': bool(src) and src.lower().strip() in PRONOUNS,
            'source_name': head_name(src),
            'cue': cue[2] if cue else '',
        })
    return out


def train_gold(root):
    first = {}
    with open(os.path.join(root, 'metadata.tsv'), encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(header, line.rstrip('\n').split('\t')))
            if row.get('compartment') == 'train':
                first[row['filename']] = row['annotators'].split(',')[0].strip()
    gold = {}
    for name, annotator in first.items():
        path = os.path.join(root, 'train', 'attributions', f'{name}_{annotator}.ann')
        if os.path.exists(path) and os.path.exists(os.path.join(root, 'train', 'text', name + '.txt')):
            gold[name] = read_ann(path)
    return gold


def byte_to_char(text):
    table, pos = [], 0
    for i, ch in enumerate(text):
        n = len(ch.encode('utf-8'))
        table.extend([i] * n)
    table.append(len(text))
    return table


def overlap(a, b):
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def length(frags):
    return sum(e - s for s, e in frags)


def score(gold, predicted, texts, show=None):
    c = dict(gold_direct=0, hit_direct=0, pred_direct=0, pred_direct_other=0,
             gold_speech=0, hit_speech=0, pred=0, pred_other=0,
             speaker_n=0, speaker_ok=0, speaker_description_named=0, split=0)
    misses = []
    for doc, attributions in gold.items():
        text = texts[doc]
        preds = predicted.get(doc, [])
        c['pred'] += len(preds)
        for g in attributions:
            c['gold_direct'] += g['direct']
            c['gold_speech'] += is_speech_cue(g['cue'])
        pairs = []
        for pi, p in enumerate(preds):
            for gi, g in enumerate(attributions):
                ov = overlap(p['frags'], g['content_fragments'])
                if ov * 2 >= min(length(p['frags']), length(g['content_fragments'])) and ov > 0:
                    pairs.append((ov, pi, gi))
        pairs.sort(key=lambda x: -x[0])
        pm, gm = {}, {}
        for ov, pi, gi in pairs:
            if pi in pm or gi in gm:
                continue
            pm[pi], gm[gi] = gi, pi
        for pi, p in enumerate(preds):
            s = p['frags'][0][0]
            k = s
            while k > 0 and text[k - 1] == ' ':
                k -= 1
            at_mark = text[s:s + 1] in QUOTE_MARKS or (k > 0 and text[k - 1] in QUOTE_MARKS)
            if pi in pm:
                g = attributions[pm[pi]]
                if not is_speech_cue(g['cue']):
                    c['pred_other'] += 1
                else:
                    c['hit_speech'] += 1
                if at_mark:
                    if g['direct']:
                        c['hit_direct'] += 1
                        c['pred_direct'] += 1
                    else:
                        c['pred_direct_other'] += 1  # left out of direct precision
                # speaker
                if g.get('source') and not (g.get('source_is_pronoun') and not g.get('source_name')):
                    c['speaker_n'] += 1
                    want = {key_word(g['source']), key_word(g.get('source_name'))} - {''}
                    ok = key_word(p['speaker']) in want
                    c['speaker_ok'] += ok
                    if not ok and names_description(g, p['speaker']):
                        c['speaker_description_named'] += 1
                    if show == 'speaker' and not ok:
                        misses.append(f"SPK {doc}: got [{p['speaker']}] want [{g['source']}|{g.get('source_name')}] :: {text[s:s+70]!r}")
            else:
                if at_mark:
                    c['pred_direct'] += 1
                if any(gi in gm and overlap(p['frags'], g['content_fragments']) * 2 >=
                       min(length(p['frags']), length(g['content_fragments']))
                       for gi, g in enumerate(attributions)):
                    c['split'] += 1
                    if show == 'split':
                        misses.append(f"SPLIT {doc}: {text[s:p['frags'][-1][1]][:90]!r}")
                elif show == ('fp-direct' if at_mark else 'fp'):
                    misses.append(f"FP {p['kind']} {doc} [{p['speaker']}|{p['cue']}]: {text[max(0,s-40):s]!r} >>> {text[s:p['frags'][-1][1]][:100]!r}")
        for gi, g in enumerate(attributions):
            if gi in gm:
                continue
            f = g['content_fragments']
            if show == 'fn-direct' and g['direct']:
                misses.append(f"FN {doc} [{g['source']}|{g['cue']}]: {text[f[0][0]:f[-1][1]][:110]!r}")
            if show == 'fn' and not g['direct'] and is_speech_cue(g['cue']):
                misses.append(f"FN {doc} [{g['source']}|{g['cue']}]: {text[max(0,f[0][0]-30):f[0][0]]!r} >>> {text[f[0][0]:f[-1][1]][:110]!r}")
    return c, misses


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dump', required=True)
    ap.add_argument('--data', default=os.environ.get('LEDE_DATA_DIR', '../shared/data'))
    ap.add_argument('--part', default='dev', choices=['dev', 'train'])
    ap.add_argument('--floors', default='')
    ap.add_argument('--show', default=None)
    args = ap.parse_args()
    root = os.path.join(args.data, 'polnear')
    if not os.path.exists(os.path.join(root, 'dev-gold.json')):
        print(f'PolNeAR is not in {root}: skipped')
        return SKIP
    if args.part == 'dev':
        with open(os.path.join(root, 'dev-gold.json'), encoding='utf-8') as f:
            gold = json.load(f)
    else:
        gold = train_gold(root)
    text_dir = os.path.join(root, args.part, 'text')
    texts = {}
    for doc in gold:
        with open(os.path.join(text_dir, doc + '.txt'), encoding='utf-8') as f:
            texts[doc] = f.read()
    out = subprocess.run([args.dump, text_dir] + sorted(gold), capture_output=True, check=True,
                         text=True).stdout
    predicted = {}
    for line in out.splitlines():
        rec = json.loads(line)
        table = byte_to_char(texts[rec['doc']])
        quotes = []
        for q in rec['quotes']:
            parts = q['parts'] or [[q['start'], q['end']]]
            quotes.append({'frags': [[table[s], table[e]] for s, e in parts],
                           'kind': q['kind'], 'speaker': q['speaker'], 'cue': q['cue']})
        predicted[rec['doc']] = quotes
    c, misses = score(gold, predicted, texts, args.show)
    for m in misses:
        print(m)
    dp = c['hit_direct'] / max(1, c['pred_direct'])
    dr = c['hit_direct'] / max(1, c['gold_direct'])
    sp = c['hit_speech'] / max(1, c['pred'] - c['pred_other'])
    sr = c['hit_speech'] / max(1, c['gold_speech'])
    acc = c['speaker_ok'] / max(1, c['speaker_n'])
    print(f"PolNeAR {args.part}: {len(gold)} articles, {sum(map(len, gold.values()))} attributions, "
          f"{c['gold_direct']} direct, {c['gold_speech']} speech")
    print(f"direct quotes        F1 {f1(dp, dr):.3f} (P {dp:.3f}, R {dr:.3f})")
    print(f"speech attributions  F1 {f1(sp, sr):.3f} (P {sp:.3f}, R {sr:.3f})")
    print(f"speaker accuracy     {acc:.3f} ({c['speaker_ok']}/{c['speaker_n']})")
    print(f"  misses that name a person where the gold Source is a description "
          f"(\"the senator\"), not judged by last words: {c['speaker_description_named']}")
    print(f"split quotes         {c['split']}")
    if args.floors:
        d, s, a, split = (float(x) for x in args.floors.split(','))
        failed = []
        if f1(dp, dr) < d: failed.append('direct F1')
        if f1(sp, sr) < s: failed.append('speech F1')
        if acc < a: failed.append('speaker accuracy')
        if c['split'] > split: failed.append('split quotes')
        if failed:
            print('below the floor: ' + ', '.join(failed))
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
