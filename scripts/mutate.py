#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause OR GPL-2.0-or-later
"""Single-token mutation testing of the library: does the test suite notice?

Debian packages no mutation tool for C, so this one is small on purpose.  For
each source file it makes every mutant that changes one token:

  relational   <  <=  >  >=  ==  !=   each to its neighbours
  logical      &&  ||                 each to the other
  arithmetic   +  -                   each to the other (not ++, --, ->)
  bitwise      &  |                   each to the other (binary only; not to ^, which
                                      equals | on the disjoint fields this code joins)
  negation     !x                     to x
  literal      an integer N           to N + 1, and 0 to 1, 1 to 0
  boolean      true  false            each to the other

outside comments, string and character literals and preprocessor lines.
Each mutant is compiled into a separate build directory and the unit tests and
fuzz corpora run against it (meson test --suite unit --suite fuzz); a mutant is
killed when the build or a test fails, or a test times out.  The source file is
restored after every mutant, also on ^C.

usage: mutate.py [--build DIR] [--list] [FILE...]   (default: lib/*.c but the
       generated lib/regdesc.c)
Prints one line per surviving mutant (file:line: original -> mutant, and the
line as the mutant has it) and per file "FILE: K killed, S survived of N".
"""
import argparse
import glob
import os
import re
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
  | (?P<number>\b(?:0[xX][0-9a-fA-F]+|\d+)(?:[uU]?[lL]{0,2}|[lL]{1,2}[uU]?)\b)
  | (?P<word>\b[A-Za-z_]\w*\b)
  | (?P<op>->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^!<>=~?:;,.(){}\[\]])
  | (?P<space>\s+)
  | (?P<other>.)
''', re.S | re.X)

SWAPS = {
    '<': ['<=', '>'], '<=': ['<', '>'], '>': ['>=', '<'], '>=': ['>', '<'],
    '==': ['!='], '!=': ['=='], '&&': ['||'], '||': ['&&'],
    '+': ['-'], '-': ['+'], '&': ['|'], '|': ['&'],
    'true': ['false'], 'false': ['true'],
}

# After these tokens a '+', '-', '&' or '*' is unary: not mutated.
OPERAND_END = re.compile(r'^(?:\w+|\)|\])$')


def tokens(text):
    """(kind, start, end, token) for each token, preprocessor lines skipped."""
    line_start = True
    skip_line = False
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        tok = m.group(kind)
        if kind == 'space':
            if '\n' in tok:
                line_start, skip_line = True, skip_line and tok.rstrip(' \t').endswith('\\')
            continue
        if line_start and tok == '#':
            skip_line = True
        line_start = False
        if skip_line or kind in ('comment', 'string'):
            continue
        yield kind, m.start(), m.end(), tok


def mutants(text):
    """(start, end, original, replacement) for each single-token mutant."""
    prev = ''
    for kind, start, end, tok in tokens(text):
        binary = OPERAND_END.match(prev) is not None
        if kind == 'number':
            digits = re.match(r'0[xX][0-9a-fA-F]+|\d+', tok).group(0)
            suffix = tok[len(digits):]
            value = int(digits, 0)
            new = {0: ['1'], 1: ['0']}.get(value, []) + [hex(value + 1) if digits[:2] in
                                                          ('0x', '0X') else str(value + 1)]
            for n in dict.fromkeys(new):
                yield start, end, tok, n + suffix
        elif tok in SWAPS and (kind == 'word' or binary or tok not in '+-&'):
            for n in SWAPS[tok]:
                yield start, end, tok, n
        elif tok == '!':
            yield start, end, tok, ''
        prev = tok


def run(cmd, cwd, timeout):
    try:
        return subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        return -1


def setup(build):
    if not os.path.exists(os.path.join(build, 'build.ninja')):
        subprocess.run(['meson', 'setup', build, ROOT, '-Dtests=enabled', '-Dtools=disabled',
                        '-Dbuildtype=debug'], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(['ninja', '-C', build], check=True, stdout=subprocess.DEVNULL)
    if run(['meson', 'test', '-C', build, '--no-rebuild', '--suite', 'unit', '--suite', 'fuzz'],
           ROOT, 600):
        sys.exit('mutate: the tests fail without any mutant')


def killed(build):
    if run(['ninja', '-C', build], ROOT, 300):
        return True
    return run(['meson', 'test', '-C', build, '--no-rebuild', '--suite', 'unit', '--suite',
                'fuzz', '-t', '4'], ROOT, 600) != 0


def line_of(text, pos, end_pos, new):
    """The line number, and the line as the mutant has it."""
    start = text.rfind('\n', 0, pos) + 1
    end = text.find('\n', pos)
    end = end if end >= 0 else len(text)
    return (text.count('\n', 0, pos) + 1,
            (text[start:pos] + new + text[end_pos:end]).strip())


def mutate_file(path, build, listing):
    with open(path) as f:
        text = f.read()
    rel = os.path.relpath(path, ROOT)
    total = survived = 0
    try:
        for start, end, old, new in mutants(text):
            total += 1
            line, src = line_of(text, start, end, new)
            if listing:
                print('%s:%d: %s -> %s   %s' % (rel, line, old, new or '(removed)', src))
                continue
            with open(path, 'w') as f:
                f.write(text[:start] + new + text[end:])
            if not killed(build):
                survived += 1
                print('SURVIVED %s:%d: %s -> %s   %s' % (rel, line, old, new or '(removed)', src),
                      flush=True)
    finally:
        with open(path, 'w') as f:
            f.write(text)
    if not listing:
        print('%s: %d killed, %d survived of %d' % (rel, total - survived, survived, total),
              flush=True)
    return total, survived


def main():
    ap = argparse.ArgumentParser(description='single-token mutation testing of lib/')
    ap.add_argument('--build', default=os.path.join(ROOT, 'build-mutate'))
    ap.add_argument('--list', action='store_true', help='list the mutants, run nothing')
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    # A stopped run still restores the file it mutated (mutate_file's finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit('mutate: stopped'))
    files = args.files or sorted(f for f in glob.glob(os.path.join(ROOT, 'lib', '*.c'))
                                 if not f.endswith('regdesc.c'))
    if not args.list:
        setup(args.build)
    total = survived = 0
    for path in files:
        t, s = mutate_file(os.path.abspath(path), args.build, args.list)
        total += t
        survived += s
    if not args.list:
        # Rebuild the restored sources, so the build directory is left as it was.
        subprocess.run(['ninja', '-C', args.build], stdout=subprocess.DEVNULL)
        print('mutate: %d killed, %d survived of %d mutants' % (total - survived, survived,
                                                               total))


if __name__ == '__main__':
    main()
