"""Reports: the article table, annotated article pages, and notebook execution."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.corpus import iter_articles
from analysis.output import atomic_writer, write_records
from analysis.tables import ARTICLE_FIELDS, article_record

__all__ = ["write_basic_report", "annotate_html", "annotate_all", "write_annotated", "run_notebooks"]


def _safe_name(article_id: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", article_id)[:120] or "article"


def write_basic_report(paths, out: Path) -> tuple[int, int]:
    """Write ``out/articles.csv`` and ``out/clean/<article_id>.txt`` for every readable article.

    Returns
    -------
    (n_ok, n)
        Articles written as cleaned text, and inputs seen (errors are in the table).
    """
    out = Path(out)
    records = [article_record(a) for a in iter_articles(paths)]
    write_records(records, fmt="csv", out=out / "articles.csv", columns=ARTICLE_FIELDS)
    n_ok = 0
    for rec in records:
        if rec["status"] == "error":
            continue
        with atomic_writer(out / "clean" / f"{_safe_name(rec['article_id'])}.txt") as fh:
            fh.write(rec["clean_text"] + "\n")
        n_ok += 1
    return n_ok, len(records)


# ---- annotated article view ----------------------------------------------------------------

_CSS = """
.fl-article{font-family:Georgia,serif;line-height:1.6;max-width:52em;white-space:pre-wrap;border:1px solid #ddd;
 padding:1em 1.4em;margin:1em 0;background:#fff;color:#222}
.fl-article h3{font-family:sans-serif;white-space:normal;margin:0 0 .3em 0}
.fl-meta{font-family:sans-serif;font-size:.85em;color:#555;white-space:normal;margin-bottom:.8em}
.fl-legend{font-family:sans-serif;font-size:.8em;white-space:normal;margin:.4em 0 1em 0}
.fl-legend span{display:inline-block;margin-right:1em}
.fl-title{font-weight:bold;font-size:1.15em}
.fl-caption{font-style:italic;color:#666}
.fl-heading{font-weight:bold;font-variant:small-caps}
.fl-speaker{font-weight:bold;border-bottom:2px solid #333}
.fl-cue{font-style:italic;outline:1px dashed #333;outline-offset:1px}
.fl-scare{outline:1px dotted #999}
details.fl-removed{display:inline;font-family:sans-serif;font-size:.75em;color:#999}
details.fl-removed summary{display:inline;cursor:pointer}
details.fl-removed s{white-space:pre-wrap}
"""


def _hex_rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def annotate_html(analysis, *, actors=None, standalone: bool = False) -> str:
    """Render one analysed article as HTML so that every number can be checked in the text.

    Quotes are highlighted in their actor group's colour (grey when the speaker has no group),
    with the speaker mention in bold and the cue verb boxed; actor mentions are underlined in
    their group's colour; scare quotes are dotted; removed page furniture is shown collapsed
    and struck through, with the reason. Hovering over a mark shows what it is.

    Parameters
    ----------
    analysis : ArticleAnalysis
    actors : ActorDictionary, optional
    standalone : bool
        Return a whole HTML document instead of a fragment.

    Returns
    -------
    str
    """
    import html as _html

    from analysis.actors import default_actors

    actors = actors or default_actors()
    a = analysis.article
    text = a.text
    n = len(text)
    # Boundaries of every annotated span; each segment between two boundaries gets the
    # union of the annotations covering it, so overlapping marks never break nesting.
    marks: list[tuple[int, int, str, str]] = []  # (start, end, css, tooltip)
    para_kind = {(p.start, p.end): p.kind for p in analysis.doc.paragraphs}
    for (s, e), kind in para_kind.items():
        if kind in ("title", "caption", "heading"):
            marks.append((s, e, f"class:fl-{kind}", kind))
    for q in analysis.quotes:
        if q.kind == "scare":
            marks.append((q.start, q.end, "class:fl-scare", "scare quote (not attributed)"))
            continue
        colour = actors.colour(q.actor) if q.actor else "#999999"
        tip = f"{q.kind} quote · speaker: {q.speaker or 'unknown'} · group: {q.actor or 'none'} · cue: {q.cue}"
        marks.append((q.start, q.end, f"bg:{_hex_rgba(colour, 0.28)}", tip))
        if q.speaker_start is not None:
            marks.append((q.speaker_start, q.speaker_end, "class:fl-speaker", f"speaker → {q.speaker}"))
        if q.cue_start is not None:
            marks.append((q.cue_start, q.cue_end, "class:fl-cue", f"cue verb ({q.cue_class})"))
    for m in analysis.mentions:
        marks.append((m.start, m.end, f"ul:{actors.colour(m.group)}", f"mention: {m.actor} ({m.group})"))
    removed = {r.start: r for r in a.removed}
    bounds = sorted({0, n, *(s for s, *_ in marks), *(e for _, e, *_ in marks),
                     *(r.start for r in a.removed), *(r.end for r in a.removed)})
    out = []
    skip_to = -1
    for s, e in zip(bounds, bounds[1:]):
        if s < skip_to:
            continue
        if s in removed:
            r = removed[s]
            out.append(f'<details class="fl-removed"><summary>[removed: {_html.escape(r.reason)}]</summary>'
                       f"<s>{_html.escape(r.text)}</s></details>")
            skip_to = r.end
            continue
        active = [(css, tip) for ms, me, css, tip in marks if ms <= s and e <= me]
        chunk = _html.escape(text[s:e])
        if not active:
            out.append(chunk)
            continue
        classes = [c[6:] for c, _ in active if c.startswith("class:")]
        style = [f"background:{c[3:]}" for c, _ in active if c.startswith("bg:")]
        style += [f"text-decoration:underline 2px {c[3:]}" for c, _ in active if c.startswith("ul:")]
        tips = " | ".join(dict.fromkeys(t for _, t in active))
        out.append(f'<span class="{" ".join(classes)}" style="{";".join(style)}" '
                   f'title="{_html.escape(tips)}">{chunk}</span>')
    legend = "".join(f'<span style="background:{_hex_rgba(g.colour, 0.28)}">quote by {_html.escape(g.label)}</span>'
                     f'<span style="text-decoration:underline 2px {g.colour}">mention of {_html.escape(g.label)}</span>'
                     for g in actors.groups.values())
    meta = " · ".join(_html.escape(str(v)) for v in (a.outlet, a.date, a.wire_source and f"wire: {a.wire_source}",
                                                      a.byline and f"by {a.byline}", a.path) if v)
    body = (f'<div class="fl-article"><h3>{_html.escape(a.title or a.article_id)}</h3>'
            f'<div class="fl-meta">{meta} · status: {a.status}{" — " + _html.escape(a.reason) if a.reason else ""}'
            f'</div><div class="fl-legend">{legend}<span class="fl-speaker">speaker</span>'
            f'<span class="fl-cue">cue verb</span><span class="fl-scare">scare quote</span></div>'
            f'{"".join(out)}</div>')
    if not standalone:
        return f"<style>{_CSS}</style>{body}"
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{_html.escape(a.article_id)}</title>"
            f"<style>{_CSS}</style></head><body>{body}</body></html>")


def write_annotated(analyses, out_dir, *, actors=None) -> list[Path]:
    """Write ``out_dir/<article_id>.html`` for each analysed article (atomically); return the paths."""
    paths = []
    for an in analyses:
        path = Path(out_dir) / f"{_safe_name(an.article.article_id)}.html"
        with atomic_writer(path) as fh:
            fh.write(annotate_html(an, actors=actors, standalone=True))
        paths.append(path)
    return paths


def annotate_all(analyses, *, actors=None) -> str:
    """The annotated views of several articles, one after another, as one HTML fragment."""
    return "".join(annotate_html(an, actors=actors) for an in analyses)


# ---- notebook execution --------------------------------------------------------------------

def notebooks_dir() -> Path:
    """The folder of the project's notebooks."""
    return Path(__file__).resolve().parents[1] / "notebooks"


def run_notebooks(corpus="seeds", *, actors=None, out="reports", figures="figures", notebooks=None,
                  progress: bool = True, timeout: int = 600) -> list[Path]:
    """Execute the notebooks with papermill and render each to HTML without code.

    Parameters
    ----------
    corpus : path or glob pattern
        Passed to every notebook's ``corpus`` parameter.
    actors : path, optional
        Actor dictionary passed to the ``actors`` parameter.
    out : path
        Executed notebooks go to ``out/executed/``, HTML reports (``nbconvert --no-input``)
        to ``out/``, and annotated article pages to ``out/articles/``.
    figures : path
        Where the notebooks save their figures.
    notebooks : list of paths, optional
        Default: every ``notebooks/NN-*.ipynb`` in order.
    progress : bool
        Show a progress bar over notebooks.

    Returns
    -------
    list of Path
        The HTML reports written.

    Raises
    ------
    RuntimeError
        When a notebook fails; the message names the notebook and the failing cell's error.
    """
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter
    from tqdm.auto import tqdm

    root = notebooks_dir().parent
    out = Path(out).resolve()
    nbs = sorted(notebooks_dir().glob("[0-9][0-9]-*.ipynb")) if notebooks is None else [Path(n) for n in notebooks]
    params = {"corpus": str(corpus), "actors": None if actors is None else str(actors),
              "figures": str(Path(figures).resolve())}
    exporter = HTMLExporter(exclude_input=True)
    written = []
    for nb in tqdm(nbs, desc="notebooks", unit="nb", disable=not progress):
        executed = out / "executed" / nb.name
        executed.parent.mkdir(parents=True, exist_ok=True)
        try:
            pm.execute_notebook(str(nb), str(executed), parameters=params, cwd=str(root), progress_bar=False,
                                kernel_name="python3", execution_timeout=timeout, log_output=False)
        except pm.PapermillExecutionError as exc:
            raise RuntimeError(f"{nb.name} failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}") from None
        body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
        html_path = out / f"{nb.stem}.html"
        with atomic_writer(html_path) as fh:
            fh.write(body)
        written.append(html_path)
    return written
