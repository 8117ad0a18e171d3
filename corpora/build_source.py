"""The wording of the sample documents: the single source every output format is rendered from.

SPEC is the fictional conventional home care specification, as a list of (kind, payload) blocks:

    ("title", text)             document title
    ("subtitle", text)          a line under the title (department, reference, version)
    ("h1", text) / ("h2", text) numbered headings, the number typed as part of the text
    ("p", text)                 a paragraph; may hold inline markup (below)
    ("ol", [text, ...])         a numbered list
    ("table", [[cell, ...], ...]) a table; the first row is the header row
    ("term", (term, definition)) a glossary entry, rendered "Term: definition"

Inline markup inside "p" text, interpreted by each renderer:

    [[ins:TEXT]]                tracked insertion (a real w:ins in .docx, plain text elsewhere)
    [[del:TEXT]]                tracked deletion (a real w:del in .docx, absent elsewhere)
    [[note:TEXT]]               a footnote
    [[comment:TEXT]] ... [[/comment]]  a reviewer comment on the enclosed text (.docx only)

GOOD_PRACTICE_MD is the short outcomes-based specification that a linter should stay quiet on.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

TITLE = "Anyshire County Council — Domiciliary Care Service Specification"
RUNNING_HEADER = "Anyshire County Council — OFFICIAL"
AUTHOR = "Anyshire County Council"
REVIEWER = "Reviewer"
SUBJECT = "Domiciliary care (home care) for adults, 2026 to 2027"

# Fixed dates so that every build is identical.
CREATED = datetime(2025, 11, 10, 9, 0, 0, tzinfo=timezone.utc)
MODIFIED = datetime(2025, 11, 14, 16, 45, 0, tzinfo=timezone.utc)
REVISION_DATE = datetime(2025, 11, 14, 10, 30, 0, tzinfo=timezone.utc)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

SPEC: list[tuple[str, object]] = [
    ("title", TITLE),
    ("subtitle", "Adult Social Care Commissioning"),
    ("subtitle", "Reference: ASC/2025/041. Version 1.2, November 2025"),
    ("h1", "1 Introduction"),
    (
        "p",
        "Anyshire County Council (the Council) is seeking a provider of domiciliary care for adults "
        "who have been assessed as having eligible needs under the Care Act 2014. This specification "
        "describes the service the Council wishes to buy. It forms part of the tender documents for a "
        "competitive flexible procedure under the Procurement Act 2023, and should be read with the "
        "conditions of contract and the pricing schedule.",
    ),
    (
        "p",
        "The service currently supports around 1,400 people across the county, most of whom are older "
        "people living alone. Around a third of people receive four calls a day. The service covers "
        "personal care, help with meals and drinks, and prompting people to take their medication.",
    ),
    ("h1", "2 Service Requirements"),
    (
        "p",
        "The service will be commissioned on a time and task basis. Each person's support plan will "
        "list the tasks to be completed at each call and the time allowed for each task. Providers must "
        "deliver the tasks in the order and within the times shown in the support plan, and must record "
        "any task that could not be completed in the daily log.",
    ),
    ("h2", "2.1 Call schedules"),
    (
        "p",
        "Call times will be set by the Council's brokerage team. Providers must arrive within 30 "
        "minutes either side of the scheduled time and must tell the brokerage team on the same day "
        "about any call that was late or missed. A standard morning call will include the following "
        "tasks:",
    ),
    (
        "ol",
        [
            "Assistance with getting up and dressing — 10 minutes",
            "Assistance with washing — 10 minutes",
            "Preparation of breakfast and a hot drink — 10 minutes",
            "Medication prompt and recording on the medication chart — 5 minutes",
            "Completion of the daily log — 5 minutes",
        ],
    ),
    (
        "p",
        "Lunch and tea calls will be 30 minutes. Calls for medication prompts will be 15 minutes. "
        "Evening calls will be 30 minutes and will include assistance with undressing and getting ready "
        "for bed. Calls needing two care workers will be arranged where the support plan says so.",
    ),
    ("h2", "2.2 Call monitoring"),
    (
        "p",
        "Care workers must log the start and end of every call using electronic call monitoring. Visits "
        "will be recorded electronically [[del:and by the minute]][[ins:at arrival and departure]]. The "
        "Council does not require providers to use a particular call monitoring system. The provider "
        "must send call monitoring data to the Council each week in the format set out in Schedule 4.",
    ),
    ("h2", "2.3 Staffing"),
    (
        "p",
        "The provider must be registered with the Care Quality Commission for the regulated activity "
        "of personal care. All care workers must complete the Care Certificate before working alone and "
        "must receive supervision at least every three months.",
    ),
    ("h1", "3 Payment"),
    (
        "p",
        "[[comment:Check this rate with finance.]]The Council will pay an hourly rate of £21.50 for all "
        "calls, including calls at weekends and on bank holidays.[[/comment]][[note:Rates are reviewed "
        "annually by the Council.]] Providers will be paid in 15-minute increments based on actual call "
        "duration recorded by electronic call monitoring. Where a call is shorter than the time "
        "commissioned, payment will be reduced to the time recorded.",
    ),
    (
        "p",
        "Providers must submit invoices every four weeks in arrears. Invoices will be paid within 60 "
        "days of receipt. Invoices that do not match the call monitoring data will be returned to the "
        "provider for correction.",
    ),
    ("h1", "4 Evaluation criteria"),
    (
        "p",
        "Tenders will be evaluated on price (70%) and quality (30%). The quality score will be based on "
        "written answers to the method statement questions in Schedule 2. The weightings are shown in "
        "the table below.",
    ),
    ("table", [["Criterion", "Weighting"], ["Price", "70%"], ["Quality", "30%"]]),
    (
        "p",
        "The contract will be awarded to the tenderer with the highest total score. The Council will "
        "publish a contract award notice and observe a standstill period before entering into the "
        "contract.",
    ),
    ("h1", "5 Contract term"),
    (
        "p",
        "The contract will run for 12 months from 1 April 2026 and will end on 31 March 2027. The "
        "provider must take on all existing care packages from the first day of the contract.",
    ),
    ("h1", "6 Lots"),
    (
        "p",
        "The contract will not be divided into lots. A single provider will be appointed for the whole "
        "county. The provider may subcontract calls only with the written agreement of the Council.",
    ),
    ("h1", "7 Contract management"),
    (
        "p",
        "The provider will attend quarterly contract monitoring meetings with the Council. The provider "
        "must report the key performance indicators in Schedule 3 each quarter, including the "
        "percentage of calls delivered on time, the number of missed calls and the number of complaints "
        "received.",
    ),
    ("h1", "Glossary"),
    ("term", ("Brokerage team", "the Council team that arranges care packages and sets call times.")),
    (
        "term",
        (
            "Electronic call monitoring",
            "a system that records when a care worker arrives at and leaves a person's home.",
        ),
    ),
    ("term", ("Hourly rate", "the amount paid for each hour of care delivered.")),
    (
        "term",
        ("Support plan", "the document that sets out a person's eligible needs and how they will be met."),
    ),
    ("term", ("Time and task", "a way of describing care as a list of tasks with set times.")),
]


GOOD_PRACTICE_MD = """\
# Anyshire County Council — Home Support Service Specification

Adult Social Care Commissioning. Version 1.0, January 2026

## 1 Purpose

This specification describes home support for adults in Anyshire who draw on care and support. It was
co-produced with people who draw on care, their families and unpaid carers, and with local providers,
through six workshops and the preliminary market engagement we held in autumn 2025. It is a light touch
contract under the Procurement Act 2023.

## 2 Outcomes

Support will be planned around the outcomes each person has chosen, such as staying safe at home,
keeping in touch with friends and getting out into the community. Each person will have an individual
budget, expressed as a weekly amount, and will agree with their provider how and when it is used. The
person and their provider can change the pattern of support from week to week without asking the Council,
as long as the agreed outcomes are being met.

We will not use hourly rates or time and task commissioning.

## 3 Lots

The contract is divided into four lots by locality: North, South, East and West Anyshire. We have chosen
locality lots because they keep care workers' travel short, let smaller and local providers bid for the
area they know, and spread the risk of a single provider failing. A provider may bid for any number of lots.

## 4 Award criteria

Tenders will be assessed on the following criteria:

| Criterion | Weighting |
| --- | --- |
| Price | 40% |
| Quality | 45% |
| Social value | 15% |

Quality questions will be scored by a panel that includes two people who draw on care. Social value will be
assessed on local recruitment, fair pay for care workers and support for unpaid carers.

## 5 Contract term and review

The contract will run for five years from 1 April 2026. We will review the contract with providers and
people who draw on care at the end of the first and third years, and may change the outcomes framework
at those review points by agreement.

## 6 Payment

Providers will be paid each person's individual budget four-weekly in advance. We will pay undisputed
invoices within 30 days of receipt, and will work with providers to resolve any disputed amount
within ten working days.

## 7 Measuring success

We will judge the service by what people tell us about their lives: whether they feel in control of their
support, whether they are achieving their chosen outcomes, and whether care workers stay with their
provider. Providers will share what they learn at quarterly meetings with people who draw on care.
"""


_MARKUP = re.compile(r"\[\[(ins|del|note|comment):(.*?)\]\]|\[\[/comment\]\]", re.S)


def runs(text: str) -> list[tuple[str, str]]:
    """Split paragraph text into (kind, text) runs.

    kind is one of "text", "ins", "del", "note", "comment-start" (text = the comment) and
    "comment-end" (text empty).
    """
    out: list[tuple[str, str]] = []
    pos = 0
    for match in _MARKUP.finditer(text):
        if match.start() > pos:
            out.append(("text", text[pos : match.start()]))
        if match.group(1) is None:
            out.append(("comment-end", ""))
        elif match.group(1) == "comment":
            out.append(("comment-start", match.group(2)))
        else:
            out.append((match.group(1), match.group(2)))
        pos = match.end()
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def plain(text: str) -> str:
    """Paragraph text as a reader sees it with changes accepted and without footnotes or comments."""
    return "".join(value for kind, value in runs(text) if kind in ("text", "ins"))


def footnotes() -> list[str]:
    """Every footnote in SPEC, in order; footnote n (1-based) is footnotes()[n - 1]."""
    return [
        value
        for kind, payload in SPEC
        if kind == "p"
        for run_kind, value in runs(str(payload))
        if run_kind == "note"
    ]


def term_text(term: str, definition: str) -> str:
    return f"{term}: {definition}"
