#!/usr/bin/env python3
"""bench/time_trace_summary.py: what a clang -ftime-trace JSON says, in a few tables.

    clang++ -ftime-trace -ftime-trace-granularity=200 ... -c bench/compile_time_tu.cpp
    python3 bench/time_trace_summary.py tu.json [TOP]

Prints the front end / back end split, the templates whose instantiation took longest (grouped by
template name with the arguments cut off, and the single longest instantiations), and the headers
that took longest to parse (inclusive of what they include). Times are in seconds; nested events
overlap, so the rows do not add up to the total.
"""
import collections
import json
import re
import sys


def template_name(detail):
    # "genwire::detail::decoder<{false, ...}>::read<genwire::flora::x>" -> "genwire::detail::decoder<>::read<>"
    out, depth = [], 0
    for c in detail:
        if c == '<':
            if depth == 0:
                out.append('<>')
            depth += 1
        elif c == '>' and depth > 0:
            depth -= 1
        elif depth == 0:
            out.append(c)
    return re.sub(r'\s+', ' ', ''.join(out))


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    events = [e for e in json.load(open(path))['traceEvents'] if e.get('ph') == 'X']
    totals = {e['name']: e['dur'] / 1e6 for e in events if e['name'].startswith('Total ')}
    for key in ('Total ExecuteCompiler', 'Total Frontend', 'Total Backend', 'Total Source',
                'Total InstantiateFunction', 'Total InstantiateClass', 'Total ParseClass',
                'Total PerformPendingInstantiations', 'Total CodeGen Function', 'Total OptModule',
                'Total CodeGenPasses', 'Total InlinerPass', 'Total DebugType'):
        if key in totals:
            print(f'{key[6:]:32s} {totals[key]:7.2f} s')

    groups = collections.defaultdict(lambda: [0.0, 0])
    singles = []
    for e in events:
        if e['name'] in ('InstantiateFunction', 'InstantiateClass'):
            d = e.get('args', {}).get('detail', '')
            g = groups[template_name(d)]
            g[0] += e['dur'] / 1e6
            g[1] += 1
            singles.append((e['dur'] / 1e6, d))
    print(f'\ntemplates by instantiation time (inclusive; top {top})')
    print('| s | count | template |\n|---:|---:|---|')
    for name, (s, n) in sorted(groups.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f'| {s:.2f} | {n} | `{name}` |')

    print(f'\nlongest single instantiations (top {top})')
    print('| s | instantiation |\n|---:|---|')
    for s, d in sorted(singles, reverse=True)[:top]:
        print(f'| {s:.2f} | `{d[:150]}` |')

    headers = collections.defaultdict(float)
    for e in events:
        if e['name'] == 'Source':
            headers[e.get('args', {}).get('detail', '')] += e['dur'] / 1e6
    print(f'\nheaders by parse time (inclusive of their includes; top {top})')
    print('| s | header |\n|---:|---|')
    for h, s in sorted(headers.items(), key=lambda kv: -kv[1])[:top]:
        print(f'| {s:.2f} | `{re.sub(r".*/include/", "", h)}` |')

    backend = collections.defaultdict(float)
    for e in events:
        if e['name'] in ('OptFunction', 'CodeGen Function', 'RunPass'):
            pass
    for e in events:
        if e['name'] == 'OptFunction':
            backend[e.get('args', {}).get('detail', '')] += e['dur'] / 1e6
    if backend:
        print(f'\nfunctions by optimisation time (top {top})')
        print('| s | function (mangled) |\n|---:|---|')
        for f, s in sorted(backend.items(), key=lambda kv: -kv[1])[:top]:
            print(f'| {s:.2f} | `{f[:120]}` |')


if __name__ == '__main__':
    main()
