"""Multi-year corpora in which codes and names change: the truth the lineage of codes is tested against.

Each domain's budget is written as the BO, BA and BU reports of several years; from a chosen year on, its
documents are changed as a reorganisation would change them, on the printed text the generator made (it
knows the codes and names it printed; nothing here asks the readers):

- `rename-program`: a policy program keeps its code and gets another name;
- `rename-article`: an article keeps its code and ISE and gets another name;
- `recode-stated`: an article gets a new code, its summary naming the former one (`Vroeger artikel OLD.`);
- `recode-unstated`: an article gets a new code and nothing says so (a user links them);
- `reuse`: an article gets a new code (unstated) and another article of the same program, in another ISE
  and with another name, takes its old code;
- `rename-ise`: an ISE of a policy program gets another name (so another key), its articles unchanged;
- `replace-ise`: an ISE gets another name and one of its articles moves to another ISE of its program
  (`moved`): name and articles both change, so it is not the same ISE.

The ISE changes are made on the budget (the documents from their year on are written from a changed copy),
the others on the printed text.

The expected facts follow the new codes, so the documents stay their own truth.
"""

from __future__ import annotations

import copy
import dataclasses
import random
import re
from dataclasses import dataclass, field

from .budget import DOMAINS, Article, Budget, Ise, random_budget
from .document import GeneratedDocument
from .text import TextStyle, render_text

STAGES = ("BO", "BA", "BU")
ISE_CHANGES = ("rename-ise", "replace-ise")


@dataclass(frozen=True)
class Change:
    kind: str  # rename-program | rename-article | recode-stated | recode-unstated | reuse | rename-ise | replace-ise
    code: str  # the code concerned: renamed, recoded (the old one) or reused
    year: int  # the first year the documents print the change
    new_code: str = ""  # recode / reuse: the code the changed article gets
    before: str = ""  # renames: the names; reuse: the name of the article that takes the code
    after: str = ""
    domain: str = ""
    taker: str = ""  # reuse: the code of the article that takes `code` (and leaves its own)
    moved: str = ""  # replace-ise: the article that moves to another ISE (`taker`: that ISE's key)


@dataclass
class Corpus:
    documents: list[GeneratedDocument]
    changes: list[Change] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)  # every article code printed in some document


def lineage_corpus(seed: int, domains: int = 3, years: int = 5, stages: tuple[str, ...] = STAGES) -> Corpus:
    """`domains` domains x `years` years x `stages`, each domain with one change of every kind."""
    corpus = Corpus([])
    for number, info in enumerate(DOMAINS[:domains]):
        budget = _budget_with_reuse(seed + number, info.name, years + 1)
        printed = list(budget.years)[1:]
        changes = plan_changes(budget, printed, random.Random(seed + number))
        corpus.changes += changes
        for year in printed:
            shaped = reshaped(budget, [c for c in changes if c.kind in ISE_CHANGES and year >= c.year])
            for stage in stages:
                document = render_text(shaped, "report", stage, year, TextStyle())
                for change in changes:
                    if year >= change.year and change.kind not in ISE_CHANGES:
                        apply(document, change)
                corpus.documents.append(document)
                corpus.codes |= {f.subject for f in document.facts if f.scope == "article"}
    return corpus


def _budget_with_reuse(seed: int, domain: str, span: int) -> Budget:
    """The first budget (seeds `seed`, `seed + 1000`, ...) with a program whose articles sit in two ISEs."""
    for attempt in range(50):
        budget = random_budget(seed + 1000 * attempt, domain, span=span)
        if _reuse_pair(_policy_articles(budget)):
            return budget
    raise ValueError(f"no budget of {domain} with a program of two ISEs")


def _policy_articles(budget: Budget) -> list[tuple[str, Article]]:
    """(ISE key, article) of the policy programs' expenditure articles, in budget order."""
    return [(ise.key, article) for policy in budget.fields for ise in policy.ises for article in ise.articles
            if not article.is_receipt]  # fmt: skip


def _fresh_code(article: Article, taken: set[str]) -> str:
    """The article's code with another digit in its middle (the same length: the layout stays as it was)."""
    for digit in "0123456789":
        code = f"{article.entity}-{article.kind}{article.program}{article.middle[0]}{digit}{article.middle[2:]}-{article.suffix}"
        if code not in taken:
            taken.add(code)
            return code
    raise ValueError(f"no free code next to {article.code}")


def plan_changes(budget: Budget, years: list[int], rng: random.Random) -> list[Change]:
    """One change of every kind (reuse: where a program has articles in two ISEs), in distinct articles."""
    domain = budget.domain.name
    taken = {article.code for _, article in _policy_articles(budget)} | {
        a.code for p in budget.programs for a in p.articles
    }
    policy = [p for p in budget.programs if p.role == "policy"]
    spare = [name for name in budget.domain.programs if name not in {p.name for p in policy}]
    program = rng.choice(policy)
    changes = [Change("rename-program", program.code, years[2], before=program.name,
                      after=spare[0] if spare else f"{program.name} en Innovatie", domain=domain)]  # fmt: skip
    articles = _policy_articles(budget)
    rng.shuffle(articles)
    reuse = _reuse_pair(articles)
    used = {id(a) for pair in ([reuse] if reuse else []) for _, a in pair}
    rest = [a for _, a in articles if id(a) not in used]
    renamed, stated, unstated = rest[0], rest[1], rest[2]
    changes.append(Change("rename-article", renamed.code, years[1], before=renamed.name,
                          after=f"{renamed.name} EN INNOVATIE", domain=domain))  # fmt: skip
    changes.append(Change("recode-stated", stated.code, years[3], _fresh_code(stated, taken), domain=domain))
    changes.append(Change("recode-unstated", unstated.code, years[2], _fresh_code(unstated, taken), domain=domain))
    if reuse:
        (_, moved), (_, taker) = reuse
        changes.append(Change("reuse", moved.code, years[3], _fresh_code(moved, taken), before=moved.name,
                              after=taker.name, domain=domain, taker=taker.code))  # fmt: skip
    return changes + _ise_changes(budget, years, changes, rng)


def _ise_changes(budget: Budget, years: list[int], changes: list[Change], rng: random.Random) -> list[Change]:
    """An ISE renamed, and another renamed with an article moved out, among ISEs no other change touches."""
    touched = {c.code for c in changes} | {c.new_code for c in changes} | {c.taker for c in changes}
    ises = [ise for ise in budget.ises if ise.program in {p.code for p in budget.policy_programs}
            and len(ise.expenditures) >= 2 and not {a.code for a in ise.articles} & touched]  # fmt: skip
    rng.shuffle(ises)
    keys = {ise.key for ise in budget.ises}
    renamed = ises[0]
    changes = [Change("rename-ise", renamed.key, years[2], _ise_key(renamed.program, f"{renamed.name} en Innovatie", keys),
                      before=renamed.name, after=f"{renamed.name} en Innovatie", domain=budget.domain.name)]  # fmt: skip
    for ise in [i for i in budget.ises if i is not renamed and len(i.expenditures) >= 2]:
        others = [o for o in budget.ises if o.program == ise.program and o is not ise and o is not renamed]
        movable = [a for a in ise.expenditures if a.code not in touched]
        if others and movable and ise.program in {p.code for p in budget.policy_programs}:
            after = f"{ise.name} en Preventie"
            replaced = Change("replace-ise", ise.key, years[3], _ise_key(ise.program, after, keys), before=ise.name,
                              after=after, domain=budget.domain.name, taker=others[0].key, moved=movable[-1].code)  # fmt: skip
            return [*changes, replaced]
    return changes


def _ise_key(program: str, name: str, keys: set[str]) -> str:
    key = Ise(name, program, [], []).key
    if key in keys:
        raise ValueError(f"ISE key {key} taken")
    return key


def reshaped(budget: Budget, changes: list[Change]) -> Budget:
    """The budget with the ISE changes made (a copy; none: the budget itself)."""
    if not changes:
        return budget
    shaped = copy.deepcopy(budget)
    by_key = {ise.key: ise for ise in shaped.ises}
    for change in changes:
        ise = by_key[change.code]
        ise.name = change.after
        if change.kind == "replace-ise":
            article = next(a for a in ise.articles if a.code == change.moved)
            ise.articles.remove(article)
            target = by_key[change.taker]
            article.goal = target.goals[0].number if target.goals else 0
            target.articles.append(article)
    return shaped


def _reuse_pair(articles: list[tuple[str, Article]]) -> tuple[tuple[str, Article], tuple[str, Article]] | None:
    """Two articles of one program in different ISEs: the second will take the first one's code."""
    for first in articles:
        for second in articles:
            same = (first[1].program, first[1].entity, first[1].kind) == (second[1].program, second[1].entity,
                                                                           second[1].kind)  # fmt: skip
            if same and first[0] != second[0] and first[1].name != second[1].name:
                return first, second
    return None


# --------------------------------------------------------------------------- the changes, on the printed text


def apply(document: GeneratedDocument, change: Change) -> None:
    if change.kind == "rename-program":
        _replace_line(document, f"PROGRAMMA {change.code} – {change.before.upper()}",
                      f"PROGRAMMA {change.code} – {change.after.upper()}")  # fmt: skip
    elif change.kind == "rename-article":
        _replace_line(document, f"{change.code} – {change.before}", f"{change.code} – {change.after}")
    else:
        _recode(document, change)


def _replace_line(document: GeneratedDocument, old: str, new: str) -> None:
    lines = document.text.split("\n")
    found = [i for i, line in enumerate(lines) if line.strip() == old]
    if not found:
        raise ValueError(f"{document.name}: no line {old!r}")
    for i in found:
        lines[i] = lines[i].replace(old, new)
    document.text = "\n".join(lines)


def _recode(document: GeneratedDocument, change: Change) -> None:
    """The code replaced wherever it is printed (a reuse: the taker's code too, in the same pass)."""
    mapping = {change.code: change.new_code}
    if change.kind == "reuse":
        mapping[change.taker] = change.code
    pattern = re.compile("|".join(re.escape(code) for code in mapping))
    document.text = pattern.sub(lambda m: mapping[m.group(0)], document.text)
    document.facts = [dataclasses.replace(f, subject=mapping.get(f.subject, f.subject)) for f in document.facts]
    document.evolutions = {mapping.get(code, code): rows for code, rows in document.evolutions.items()}
    if change.kind == "recode-stated":
        _mention_former(document, change.new_code, change.code)


def _mention_former(document: GeneratedDocument, code: str, former: str) -> None:
    """`Vroeger artikel OLD.` at the end of the first paragraph of the article's Korte inhoud."""
    lines = document.text.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{code} – "))
    summary = next(i for i in range(heading, len(lines)) if lines[i].strip().startswith("Korte inhoud"))
    start = next(i for i in range(summary + 1, len(lines)) if lines[i].strip())
    end = next(i for i in range(start, len(lines)) if not lines[i + 1].strip())
    lines[end] = f"{lines[end]} Vroeger artikel {former}."
    document.text = "\n".join(lines)
