"""The wording of the synthetic .docx, .pdf and .odt documents (the .md and .txt ones are committed as
written). Every authority, reference and person here is invented.

Each document is a build_synthetic_render.SynthDoc; the block format is described there.
"""

from __future__ import annotations

from datetime import datetime, timezone

from build_synthetic_render import SynthDoc


def _at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, 0, 0, tzinfo=timezone.utc)


# --- .docx ---------------------------------------------------------------------------------------------

CONTRACT_12_MONTH = SynthDoc(
    filename="contract-home-care-12-month.docx",
    title="Contract for the Provision of Home Care Services",
    author="Anyshire County Council",
    subject="Home care contract, particulars and key commercial terms, 2026 to 2027",
    header="Anyshire County Council — OFFICIAL",
    created=_at(2026, 2, 2),
    modified=_at(2026, 2, 9, 14),
    category="Contract",
    blocks=[
        ("title", "Contract for the Provision of Home Care Services"),
        ("subtitle", "Anyshire County Council — Part A: Particulars and Key Commercial Terms"),
        ("subtitle", "Contract reference ACC/ASC/2026/044. Issued 9 February 2026"),
        ("h1", "1 Parties and purpose"),
        (
            "p",
            "This Contract is made between Anyshire County Council (the Council) and the successful tenderer "
            "(the Provider). It sets out the key commercial terms on which the Provider will deliver home care "
            "to adults in the Eastern and Central localities of Anyshire. The Service Specification in "
            "Schedule 1, the Pricing Schedule in Schedule 2 and the Council's standard conditions for care "
            "services form part of this Contract. These terms were discussed with local providers at the "
            "Council's provider forum in November 2025.",
        ),
        (
            "p",
            "The Provider shall deliver the Services so as to promote each Service User's independence, dignity "
            "and safety, in line with the Care Act 2014 and the fundamental standards of the Care Quality "
            "Commission.",
        ),
        ("h1", "2 Term"),
        (
            "p",
            "This Contract will run for 12 months from 1 April 2026 to 31 March 2027. There is no option to "
            "extend it.",
        ),
        (
            "p",
            "The Council may end this Contract early by giving the Provider three months' written notice, and "
            "the Provider may do so by giving six months' written notice.",
        ),
        ("h1", "3 Price and payment"),
        (
            "p",
            "The Council will pay the Provider an hourly rate of £20.15 for all home care delivered under this "
            "Contract, including care delivered at weekends and on bank holidays.[[note:All rates in this "
            "Contract exclude VAT, which is not chargeable on regulated personal care.]]",
        ),
        (
            "p",
            "The Contract Price shall be fixed for the duration of the Contract. No inflationary uplift will be "
            "applied during the Term.",
        ),
        (
            "p",
            "The Provider shall invoice the Council every four weeks in arrears, using the Council's invoice "
            "template. The Council will pay valid invoices within 60 days of receipt. Invoices that do not "
            "match the care records held by the Council will be returned unpaid for correction.",
        ),
        ("h1", "4 Service levels and monitoring"),
        (
            "p",
            "The Provider shall accept at least 90% of the care packages offered to it by the Council's "
            "brokerage team and shall start each accepted package within 48 hours of acceptance.",
        ),
        (
            "p",
            "The Provider shall attend quarterly contract meetings and shall submit the monitoring return in "
            "Schedule 3 by the tenth working day of each quarter. The Council may visit the Provider's premises "
            "at any reasonable time.",
        ),
        ("h1", "5 Staffing"),
        (
            "p",
            "The Provider shall employ enough suitably trained staff to deliver the Services. All staff shall "
            "hold an enhanced DBS certificate and shall complete the Care Certificate before working "
            "unsupervised. The Provider shall tell the Council within 24 hours of any safeguarding concern.",
        ),
        ("h1", "6 Insurance"),
        (
            "p",
            "[[comment:tenderlint: disable=TL206]]The Provider shall hold employer's liability insurance of at "
            "least £5 million and public liability "
            "insurance of at least £5 million from the start date of this Contract, and shall provide evidence "
            "of cover on request.[[/comment]]",
        ),
        ("h1", "7 Termination"),
        (
            "p",
            "Either party may terminate this Contract for a material breach that is not remedied within 30 days "
            "of written notice. On expiry or termination the Provider shall work with the Council and any "
            "incoming provider to transfer care packages safely.",
        ),
    ],
)

CONTRACT_RIGID = SynthDoc(
    filename="contract-conditions-rigid.docx",
    title="Supported Living Services: Conditions of Contract",
    author="Casterbridge City Council",
    subject="Conditions of contract for supported living services",
    header="Casterbridge City Council — Conditions of Contract",
    created=_at(2026, 2, 24),
    modified=_at(2026, 3, 3, 11),
    category="Contract",
    blocks=[
        ("title", "Supported Living Services: Conditions of Contract"),
        ("subtitle", "Casterbridge City Council — Adult Social Care. Issued 3 March 2026"),
        ("h1", "1 Status of these conditions"),
        (
            "p",
            "These conditions form part of the contract between Casterbridge City Council (the Council) and the "
            "Provider for supported living services for adults with learning disabilities and autistic adults in "
            "the city. This Contract has been awarded under the Public Contracts Regulations 2015 following an "
            "open procedure, and these conditions take precedence over any terms proposed by the Provider.",
        ),
        ("h1", "2 Delivery of the Services"),
        (
            "p",
            "The Provider shall deliver the Services in strict accordance with the Specification and each "
            "Tenant's Support Plan, and shall promote the independence and wellbeing of each Tenant.",
        ),
        (
            "p",
            "Any deviation from the Specification shall constitute a material breach of this Contract, whether "
            "or not the deviation was requested by the Tenant or their family.",
        ),
        (
            "p",
            "No changes to the Support Plan may be made without the prior written approval of the Council's care "
            "management team. Where a Tenant's circumstances change, the Provider shall continue to deliver the "
            "support set out in the Support Plan until the Council has completed a reassessment.",
        ),
        (
            "p",
            "Visits must be delivered at the times specified in the Support Plan. The Provider shall record the "
            "start and finish time of each visit and shall make the records available to the Council on request.",
        ),
        ("h1", "3 Sub-contracting and assignment"),
        (
            "p",
            "The Provider shall not assign, novate or otherwise transfer this Contract. Sub-contracting is not "
            "permitted under this Contract, including the use of staff supplied through a third party other "
            "than in an emergency.",
        ),
        (
            "p",
            "Consortium arrangements will not be permitted. The Provider must be a single legal entity that "
            "delivers all of the Services itself.",
        ),
        ("h1", "4 Staff"),
        (
            "p",
            "The Provider shall pay all staff engaged in delivering the Services at least the National Living "
            "Wage and shall ensure that staff receive supervision at least every eight weeks.",
        ),
        (
            "p",
            "The Provider shall comply with the Equality Act 2010 and shall make reasonable adjustments so that "
            "each Tenant can understand their Support Plan.",
        ),
        ("h1", "5 Monitoring and default"),
        (
            "p",
            "The Council will monitor performance through quarterly returns and unannounced visits. Where the "
            "Provider is in breach, the Council may issue a default notice, suspend new referrals, withhold "
            "payment for the affected Services or terminate this Contract with immediate effect.",
        ),
        ("h1", "6 Payment"),
        (
            "p",
            "The Council will pay undisputed invoices within 30 days of receipt. Disputed amounts will be settled "
            "through the procedure in clause 14.",
        ),
    ],
)

SPEC_TRACKED = SynthDoc(
    filename="spec-learning-disability-tracked.docx",
    title="Community Support for Adults with a Learning Disability",
    author="Loamshire County Council",
    subject="Service specification, draft 0.4 with tracked changes",
    header="Loamshire County Council and Wessex ICB — DRAFT FOR COMMENT",
    created=_at(2026, 1, 6),
    modified=_at(2026, 1, 20, 16),
    category="Service specification",
    blocks=[
        ("title", "Community Support for Adults with a Learning Disability"),
        (
            "subtitle",
            "Loamshire County Council and Wessex ICB — Service Specification, draft 0.4 for comment, "
            "20 January 2026",
        ),
        ("h1", "1 Purpose"),
        (
            "p",
            "This service helps adults with a learning disability in Loamshire to live the lives they choose: "
            "to have a home, friends, work or volunteering, and a say in their own support. It should help "
            "people stay independent and connected to their community, and prevent crises that lead to hospital "
            "or residential care.",
        ),
        (
            "p",
            "The specification was co-produced with members of the Loamshire Learning Disability Partnership "
            "Board, self-advocates and family carers over four workshops in autumn 2025, and with providers at "
            "two market engagement events.",
        ),
        ("h1", "2 Outcomes"),
        (
            "p",
            "Support is planned with each person around the outcomes they have chosen and builds on their "
            "strengths, skills and interests. [[del:The service will be commissioned on a time and task basis, "
            "with a task list for each visit. ]][[comment:Procurement: time and task wording removed after the "
            "January review.]]Each person will have an individual budget, and the person and their provider "
            "agree together how and when it is used.[[/comment]]",
        ),
        (
            "p",
            "People should be able to change their support from week to week. A change agreed between the "
            "person and their provider within the person's budget is not a breach of contract, and the provider "
            "tells the Council at the next review.",
        ),
        ("h1", "3 Payment"),
        (
            "p",
            "Providers will be paid each person's individual budget four-weekly in advance. [[del:Invoices will "
            "be paid within 60 days of receipt. ]][[ins:Any other valid invoice will be paid within 30 days of "
            "receipt.]]",
        ),
        ("h1", "4 Lots and partnerships"),
        (
            "p",
            "The service is divided into three lots by locality (North, Central and South Loamshire) so that "
            "people can use providers close to home and smaller local organisations can bid for the area they "
            "know. [[del:Consortium bids will not be accepted. ]][[ins:Consortium and partnership bids are "
            "welcome, including bids led by user-led organisations.]]",
        ),
        ("h1", "5 Workforce"),
        (
            "p",
            "Support workers must be paid at least the Real Living Wage, including for travel time between "
            "visits and for training time. Providers should offer guaranteed hours to staff who want them.",
        ),
        ("h1", "6 Equality and accessible information"),
        (
            "p",
            "An equality impact assessment has been completed for this service. Providers must give people "
            "information in easy read and other accessible formats, arrange interpreters, including BSL, where "
            "needed, and monitor outcomes by protected characteristic.",
        ),
        ("h1", "7 Contract term and evaluation"),
        (
            "p",
            "The contract will run for five years from 1 October 2026, with review points at the end of years "
            "two and four and an option to extend by up to two years.",
        ),
        (
            "p",
            "Tenders will be evaluated on quality (60%), social value (15%) and price (25%). Two self-advocates "
            "will sit on the evaluation panel and score the interview question.",
        ),
        ("h1", "8 Measuring success"),
        (
            "p",
            "We will know the service works when people tell us they have more choice and control, more friends "
            "and more time doing things they enjoy, and when they keep the same support workers. [[del:The "
            "provider shall deliver 40 sessions per year to each person. ]]Providers will share these measures "
            "with the Partnership Board every six months.",
        ),
    ],
)

SUPPORTED_LIVING = SynthDoc(
    filename="supported-living-spec.docx",
    title="Supported Living Service Specification",
    author="Borsetshire Council",
    subject="Supported living service specification, 2026",
    header="Borsetshire Council — Supported Living Service Specification",
    created=_at(2026, 2, 16),
    modified=_at(2026, 3, 2, 10),
    category="Service specification",
    blocks=[
        ("title", "Supported Living Service Specification"),
        (
            "subtitle",
            "Borsetshire Council — Adult Social Care Commissioning. Reference BC/SL/2026/03, March 2026",
        ),
        ("h1", "1 Introduction"),
        (
            "p",
            "This specification sets out the requirements for a supported living service for service users with "
            "learning disabilities, autism and mental health needs who hold tenancies in eleven shared houses "
            "across Borsetshire. Service users have complex needs. Many are vulnerable, some present challenging "
            "behaviour, and most are unable to manage their tenancy, medication or money without support. A "
            "number have a high level of dependency on staff for personal care.",
        ),
        ("h1", "2 Service requirements"),
        (
            "p",
            "The provider shall provide support to each service user in line with the support plan issued by the "
            "Council. The provider must not change the number of hours or the pattern of support without the "
            "written agreement of the Council. The provider shall meet the following requirements:",
        ),
        (
            "ol",
            [
                "The provider shall ensure that staff are on duty in each house 24 hours a day.",
                "Staff shall complete welfare checks on each service user twice a day and record them in the "
                "daily log.",
                "Outreach staff must make two visits per day to each service user living in a self-contained flat.",
                "The provider shall administer medication as prescribed and shall keep a medication "
                "administration record for each service user.",
                "The provider shall manage service users' money where the Council has appointed a deputy and shall "
                "keep receipts for all spending.",
                "The provider must follow each service user's behaviour support plan and shall record every "
                "incident of challenging behaviour within 24 hours.",
                "The provider shall keep the communal areas of each house clean and safe, and shall tell the "
                "landlord about any repair that is needed.",
            ],
        ),
        ("h2", "2.1 Staffing"),
        (
            "p",
            "The provider shall employ a registered manager for the service. All staff must hold an enhanced DBS "
            "certificate and must complete mandatory training in safeguarding, medication, moving and handling "
            "and positive behaviour support before working alone. The provider shall ensure that agency staff "
            "cover no more than 10% of hours in any month. The provider must notify the Council of any staff "
            "vacancy that lasts longer than four weeks.",
        ),
        ("h2", "2.2 Safeguarding and incidents"),
        (
            "p",
            "The provider shall report all safeguarding concerns to the Council on the day they arise. The "
            "provider must notify the Council within 24 hours of any hospital admission, police involvement or "
            "use of restraint. The provider shall cooperate fully with any safeguarding enquiry and must "
            "provide records to the Council within two working days of a request.",
        ),
        ("h1", "3 Contract term and payment"),
        (
            "p",
            "The contract will run for 18 months from 1 June 2026. The Council will pay the provider four-weekly "
            "in arrears for the support set out in each support plan, and will pay valid invoices within 30 days.",
        ),
        ("h1", "4 Performance monitoring"),
        (
            "p",
            "The provider shall submit the following key performance indicators to the Council each quarter. "
            "The Council will use them to monitor compliance with this specification.",
        ),
        (
            "table",
            [
                ["KPI", "Measure", "Target"],
                ["KPI 1", "Number of hours delivered against hours commissioned, by house", "98%"],
                ["KPI 2", "Percentage of visits completed at the scheduled time", "95%"],
                ["KPI 3", "Number of incidents of challenging behaviour recorded", "All recorded"],
                ["KPI 4", "Percentage of staff with mandatory training up to date", "100%"],
            ],
        ),
        (
            "p",
            "The provider shall attend a contract monitoring meeting with the Council each quarter and must "
            "provide any further information the Council asks for within five working days.",
        ),
        ("h1", "5 Termination"),
        (
            "p",
            "The Council may terminate the contract with one month's notice if the provider fails to meet any "
            "of the requirements in this specification. The provider must co-operate with the transfer of "
            "service users to another provider at the end of the contract.",
        ),
    ],
)

ALLIANCE = SynthDoc(
    filename="alliance-agreement-mental-health.docx",
    title="Anyshire Community Mental Health Alliance",
    author="Wessex ICB and Anyshire County Council",
    subject="Alliance agreement, summary of key terms",
    header="Anyshire Community Mental Health Alliance",
    created=_at(2026, 3, 20),
    modified=_at(2026, 4, 1, 12),
    category="Alliance agreement",
    blocks=[
        ("title", "Anyshire Community Mental Health Alliance"),
        (
            "subtitle",
            "Alliance Agreement — summary of key terms. Wessex ICB and Anyshire County Council, April 2026",
        ),
        ("h1", "1 What the Alliance is"),
        (
            "p",
            "The Anyshire Community Mental Health Alliance brings together Wessex ICB, Anyshire County Council, "
            "the county's NHS mental health trust and five voluntary and community organisations, two of them "
            "led by people with lived experience of mental ill health. Rather than each commissioner letting "
            "separate contracts, the partners share one budget, one set of outcomes and one leadership team, "
            "and agree to succeed or fail together.",
        ),
        (
            "p",
            "The Alliance was designed over nine months of co-production with people who draw on mental health "
            "support, carers and staff, following preliminary market engagement with local organisations in "
            "spring 2025.",
        ),
        ("h1", "2 How the Alliance was formed"),
        (
            "p",
            "The ICB's health care services in the Alliance were arranged under the Health Care Services "
            "(Provider Selection Regime) Regulations 2023. The Council's social care element was awarded under "
            "the light touch rules of the Procurement Act 2023 using the competitive flexible procedure, and the "
            "Council's community grants continue alongside it.",
        ),
        ("h1", "3 Shared outcomes"),
        (
            "p",
            "The Alliance is accountable for outcomes that people helped to choose: people feel safe and listened "
            "to; they have somewhere to live, something to do and someone to turn to; fewer people reach crisis; "
            "and carers feel supported. The Alliance invests in prevention and early help, and each outcome has "
            "measures based on what people tell us, reviewed every quarter by the Alliance Leadership Team, which "
            "includes two members with lived experience.",
        ),
        ("h1", "4 Term and review"),
        (
            "p",
            "This Agreement runs for seven years from 1 April 2026, with formal review points at the end of years "
            "two and five. Partners may join or leave the Alliance at a review point by agreement, so the Alliance "
            "can grow as new community organisations become ready.",
        ),
        ("h1", "5 Money and risk"),
        (
            "p",
            "The partners agree an annual budget for the whole Alliance. Budgets are reviewed each April in line "
            "with the National Living Wage and NHS pay awards. Each partner is paid monthly in advance, and any "
            "invoice between partners is paid within 30 days. Gains and losses against the budget are shared in "
            "the proportions set out in Schedule 4.",
        ),
        ("h1", "6 Flexibility and decisions"),
        (
            "p",
            "Partners can change how support is given without asking the commissioners first, as long as the "
            "shared outcomes and the budget are respected. A change agreed with the person is never treated as a "
            "breach. Disagreements are settled by the Alliance Leadership Team on the principle of 'best for "
            "people', and only then by the dispute procedure.",
        ),
        (
            "p",
            "Partners may sub-contract work to smaller community groups, and the Alliance keeps a small grants "
            "fund for peer support and community activity that does not need a contract.",
        ),
        ("h1", "7 Workforce and equality"),
        (
            "p",
            "Every partner pays its staff at least the Real Living Wage, including travel time, and none uses "
            "zero-hours contracts unless a worker asks for one. The Alliance has completed an equality impact "
            "assessment and publishes its information in easy read and other accessible formats, with "
            "interpreters, including BSL, available for every service.",
        ),
    ],
)

REABLEMENT = SynthDoc(
    filename="reablement-spec.docx",
    title="Home-Based Reablement Service Specification",
    author="Anyshire County Council",
    subject="Home-based reablement service specification",
    header="Anyshire County Council — Reablement Service Specification v1.0",
    created=_at(2026, 2, 3),
    modified=_at(2026, 2, 11, 13),
    category="Service specification",
    blocks=[
        ("title", "Home-Based Reablement Service Specification"),
        ("subtitle", "Anyshire County Council — Adult Social Care. Version 1.0, February 2026"),
        ("h1", "1 Purpose"),
        (
            "p",
            "The home-based reablement service offers up to six weeks of short-term support to adults leaving "
            "hospital or at risk of losing their independence at home. Its aim is to help people regain the "
            "skills and confidence to manage daily activities, to prevent or delay the need for long-term care, "
            "and to connect people with community resources.",
        ),
        ("h1", "2 Service requirements"),
        (
            "p",
            "Each person will have a reablement plan with goals agreed with them at the first visit. Reablement "
            "workers will support people to do things for themselves rather than doing things for them. Visits "
            "will usually last between 30 and 60 minutes. Calls for medication prompts will be 15 minutes.",
        ),
        (
            "p",
            "The provider must use the CareLog Pro system for all visit records, reablement plans and handovers "
            "to the long-term care provider.",
        ),
        (
            "p",
            "ISO 9001 is mandatory for all providers delivering this service, and providers must keep their "
            "certification up to date throughout the contract.",
        ),
        ("h1", "3 Working with partners"),
        (
            "p",
            "The provider will work closely with the hospital discharge team, occupational therapists and the "
            "Council's community connectors, and will hand over to a long-term provider within five working days "
            "when a person still needs care at the end of reablement.",
        ),
        ("h1", "4 Information and communication"),
        (
            "p",
            "Information must be given to people in accessible formats, and the provider must arrange "
            "interpreters where a person's first language is not English.",
        ),
        ("h1", "5 Performance measures"),
        (
            "p",
            "The provider will report the following measures to the Council's reablement lead each month.",
        ),
        (
            "table",
            [
                ["Measure", "Target"],
                ["Proportion of people still living at home 91 days after leaving hospital", "85%"],
                ["Proportion of people who say the service helped them do more for themselves", "80%"],
                ["Percentage of visits on time", "95%"],
                ["Number of hours delivered against hours planned", "90%"],
            ],
        ),
        ("h1", "6 Contract"),
        (
            "p",
            "The contract will run for three years from 1 July 2026, with an option to extend by two years. The "
            "Council will pay a block price each month in advance, reviewed each April.",
        ),
    ],
)


# --- .pdf ----------------------------------------------------------------------------------------------

ITT_DAY_OPPORTUNITIES = SynthDoc(
    filename="itt-day-opportunities.pdf",
    title="Invitation to Tender: Day Opportunities for Adults with Learning Disabilities",
    author="Anyshire County Council",
    subject="Invitation to tender, day opportunities",
    header="Anyshire County Council — ITT ACC/ASC/2026/058 — OFFICIAL",
    created=_at(2026, 3, 2),
    modified=_at(2026, 3, 2),
    blocks=[
        ("title", "Invitation to Tender: Day Opportunities for Adults with Learning Disabilities"),
        (
            "subtitle",
            "Anyshire County Council — Adult Social Care Commissioning. Reference ACC/ASC/2026/058, issued "
            "2 March 2026",
        ),
        ("h1", "1 Introduction"),
        (
            "p",
            "Anyshire County Council (the Council) invites tenders for building-based day services for service "
            "users with learning disabilities at the Council's three day centres in Anyford, Barrow Hill and "
            "Eastmere. The successful provider will take over the running of the centres from 1 September 2026. "
            "This invitation to tender contains the instructions to bidders, a summary of the service "
            "specification and the evaluation criteria.",
        ),
        ("h1", "2 The service"),
        (
            "p",
            "Around 140 service users attend the centres each week. Service users have moderate to profound "
            "learning disabilities and many have complex needs, including physical disabilities, epilepsy and "
            "challenging behaviour. Most are unable to travel on their own and are dependent on staff for "
            "personal care, eating and drinking. Some service users are vulnerable to exploitation and need "
            "constant supervision.",
        ),
        (
            "p",
            "The provider shall open each centre from 9.30am to 3.30pm, Monday to Friday, for 50 weeks a year. "
            "The provider shall deliver 40 sessions per week of structured activity across the three centres, "
            "following the activity timetable agreed with the Council, and must provide a hot lunch for every "
            "service user each day.",
        ),
        (
            "p",
            "The provider must provide transport to and from the centres for service users who are eligible for "
            "transport, using vehicles and drivers approved by the Council.",
        ),
        ("h1", "3 Timetable"),
        (
            "table",
            [
                ["Stage", "Date"],
                ["Invitation to tender published", "2 March 2026"],
                ["Bidders' briefing at County Hall", "12 March 2026"],
                ["Site visits to the three centres", "16 to 20 March 2026"],
                ["Deadline for clarification questions", "27 March 2026"],
                ["Tender return deadline", "10 April 2026, 12 noon"],
                ["Contract start", "1 September 2026"],
            ],
        ),
        ("h1", "4 Briefing and site visits"),
        (
            "p",
            "Attendance at the bidders' briefing is mandatory. The briefing will be held in person at County Hall, "
            "Anyford, on 12 March 2026 at 10am, and tenders from organisations that did not attend will not be "
            "evaluated.",
        ),
        (
            "p",
            "All bidders must attend a compulsory site visit to each of the three centres during the week of "
            "16 March 2026. Site visits must be booked with the Council's procurement team at least three working "
            "days in advance.",
        ),
        ("h1", "5 Evaluation"),
        (
            "p",
            "Tenders will be evaluated on price (80%) and quality (20%). Quality will be assessed through written "
            "answers to four method statement questions, and bidders must reach a minimum standard on each "
            "question to go forward to the price stage.",
        ),
        (
            "p",
            "Bidders that pass the quality stage will be invited to an electronic auction on 5 May 2026, in which "
            "they may lower their prices in rounds of ten minutes. The contract will be awarded to the bidder "
            "offering the lowest price at the close of the e-auction.",
        ),
        ("h1", "6 Contract terms"),
        (
            "p",
            "The contract will run for five years from 1 September 2026. The Council will pay a fixed monthly sum "
            "for each centre, based on the prices reached at auction, and will pay valid invoices within 30 days.",
        ),
        (
            "p",
            "The provider will take on staff currently employed at the centres under TUPE. Bidders should take "
            "this into account in their prices; details of the staff are in Appendix D.",
        ),
        ("h1", "7 Submitting a tender"),
        (
            "p",
            "Tenders must be submitted through the Council's e-tendering portal by 12 noon on 10 April 2026. Late "
            "tenders will not be accepted. Bidders must complete every section of the tender response document "
            "and must not amend the pricing schedule.",
        ),
    ],
)

NOTICE_PCR2015 = SynthDoc(
    filename="notice-home-care-pcr2015-2026.pdf",
    title="Home Care and Community Support for Older People",
    author="Mardale Borough Council",
    subject="Contract notice summary and procurement timetable",
    header="Mardale Borough Council — Procurement",
    created=_at(2026, 1, 19),
    modified=_at(2026, 1, 19),
    blocks=[
        ("title", "Home Care and Community Support for Older People"),
        (
            "subtitle",
            "Mardale Borough Council — Contract notice summary and procurement timetable. Published 19 January 2026",
        ),
        ("h1", "1 About this procurement"),
        (
            "p",
            "Mardale Borough Council is seeking a provider of home care and community support for older people "
            "living in the borough. This procurement is being conducted under the light touch regime in "
            "Regulations 74 to 76 of the Public Contracts Regulations 2015.",
        ),
        (
            "p",
            "A contract notice has been published in the Official Journal of the European Union (OJEU) and on "
            "Contracts Finder. As the estimated value of the contract is above the threshold, the Council is "
            "required by law to tender all care contracts of this kind through an open, advertised competition.",
        ),
        ("h1", "2 Scope and lots"),
        (
            "p",
            "The contract covers personal care, help with meals and medication, and community support to reduce "
            "isolation for around 600 older people. The requirement will be procured as a single lot covering the "
            "whole borough.",
        ),
        (
            "p",
            "The estimated contract value is £38 million over an initial term of five years, with an option to "
            "extend for a further two years.",
        ),
        ("h1", "3 Award"),
        (
            "p",
            "Bidders must meet the minimum standards set out in the selection questionnaire. Suppliers that meet "
            "them will be ranked on lowest total price, and the contract will be awarded to the highest-ranked "
            "supplier.",
        ),
        ("h1", "4 Timetable"),
        (
            "table",
            [
                ["Stage", "Date"],
                ["Contract notice published", "19 January 2026"],
                ["Deadline for clarification questions", "16 February 2026"],
                ["Tender return deadline", "2 March 2026, 12 noon"],
                ["Contract award and standstill", "April 2026"],
                ["Contract start", "1 October 2026"],
            ],
        ),
        ("h1", "5 How to take part"),
        (
            "p",
            "Tender documents are available free of charge from the Council's e-tendering portal. Questions must "
            "be asked through the portal, and answers will be shared with all bidders.",
        ),
    ],
)

PROVIDER_BRIEFING = SynthDoc(
    filename="provider-briefing-two-column.pdf",
    title="Provider Briefing: Home Care Re-procurement 2026",
    author="Loamshire County Council",
    subject="Provider briefing newsletter, issue 3",
    header="Loamshire County Council — Provider Briefing, Issue 3",
    created=_at(2026, 2, 9),
    modified=_at(2026, 2, 9),
    two_column=True,
    blocks=[
        ("title", "Provider Briefing: Home Care Re-procurement 2026"),
        ("subtitle", "Loamshire County Council — Issue 3, 9 February 2026"),
        ("h2", "What is changing"),
        (
            "p",
            "Loamshire County Council will re-procure its home care contracts this spring. The new service will "
            "be divided into four lots by locality, so that care workers spend less time on the road and smaller "
            "local providers can bid for the area they know. Consortium bids are welcome.",
        ),
        (
            "p",
            "The new model was shaped by people who draw on care and their families through our Making It Real "
            "group, and by the 40 providers who came to our market engagement events in the autumn. Thank you to "
            "everyone who took part.",
        ),
        (
            "p",
            "We will not use an e-auction. Price will carry no more than 30% of the marks and social value 15%, "
            "with the rest for quality.",
        ),
        (
            "p",
            "Every bid must show how care workers will be paid at least the Real Living Wage, including travel "
            "time between visits. An equality impact assessment will be published with the tender.",
        ),
        ("h2", "Consultation on rates"),
        (
            "p",
            "There will be a 6-week consultation with providers on the proposed rates and the draft service model, "
            "starting on 16 February 2026.",
        ),
        (
            "p",
            "Responses can be sent by email or given at one of the drop-in sessions held in Loamford, Westbury and "
            "Hadley during February and March.",
        ),
        ("h2", "Information session"),
        (
            "p",
            "All providers wishing to bid must attend a compulsory information session at Shire Hall, Loamford, "
            "on 4 March 2026. Places are limited to two people per organisation.",
        ),
        ("h2", "Timetable"),
        (
            "p",
            "The invitation to tender will be published on 23 March 2026. Tenders must be returned within 14 days "
            "of publication, by 6 April 2026. Evaluation will take place in April, and new contracts will start on "
            "1 July 2026.",
        ),
        ("h2", "Care Academy"),
        (
            "p",
            "The Council's Care Academy now offers free induction and refresher training to staff of every "
            "registered home care provider in Loamshire, including courses on dementia, end of life care and "
            "positive risk-taking. Courses run in Loamford and Westbury each month, and managers can book places "
            "through the provider portal.",
        ),
        ("h2", "Contacts"),
        (
            "p",
            "Questions about the re-procurement can be sent to the commissioning team through the provider portal. "
            "We aim to answer within five working days and publish common questions and answers every Friday.",
        ),
    ],
)

ITT_GOOD_PRACTICE = SynthDoc(
    filename="itt-home-support-good-practice.pdf",
    title="Invitation to Tender: Home Support in Borsetshire",
    author="Borsetshire Council and Wessex ICB",
    subject="Invitation to tender, home support, 2026",
    header="Borsetshire Council — Invitation to Tender BC/ASC/2026/019 — OFFICIAL",
    created=_at(2026, 3, 5),
    modified=_at(2026, 3, 5),
    blocks=[
        ("title", "Invitation to Tender: Home Support in Borsetshire"),
        (
            "subtitle",
            "Borsetshire Council and Wessex ICB. Reference BC/ASC/2026/019, published 6 March 2026",
        ),
        ("h1", "1 What we want to achieve"),
        (
            "p",
            "We want everyone in Borsetshire who draws on home support to live the life they choose at home: to "
            "stay well, keep their independence, stay in touch with friends and family, and take part in their "
            "community. Support will be planned around the outcomes each person chooses and will build on their "
            "strengths and the people and places around them. It should also prevent or delay the need for "
            "more intensive care.",
        ),
        (
            "p",
            "This invitation follows a year of co-production with people who draw on care, unpaid carers and "
            "local providers, including four provider events and the preliminary market engagement notice we "
            "published in May 2025. What people told us changed the model: individual budgets instead of "
            "commissioned hours, locality lots, and a longer contract.",
        ),
        ("h1", "2 How support is funded"),
        (
            "p",
            "Each person will have an individual budget, expressed as a weekly amount, which they and their "
            "provider can use flexibly to meet the outcomes in their support plan. Providers can change the "
            "pattern of support with the person without asking the Council first. Budgets are paid four-weekly "
            "in advance, and any other valid invoice is paid within 30 days.",
        ),
        (
            "p",
            "Rates are uplifted each April in line with the National Living Wage and inflation, following a cost "
            "of care exercise with providers.",
        ),
        ("h1", "3 Lots"),
        (
            "p",
            "The service is divided into four lots by locality: Borchester, Felpersham, Hollerton and the rural "
            "south. Locality lots keep travel short, let smaller and local providers bid for the area they know, "
            "and spread the risk of any one provider failing. Bidders may bid for any number of lots, and "
            "consortium and partnership bids are welcome.",
        ),
        ("h1", "4 Award criteria"),
        ("p", "Tenders will be assessed on the following criteria."),
        (
            "table",
            [
                ["Criterion", "Weighting"],
                ["Quality, including an interview scored by people who draw on care", "60%"],
                ["Social value, scored against the Borsetshire social value priorities", "15%"],
                ["Price", "25%"],
            ],
        ),
        (
            "p",
            "Social value will be scored against three local priorities: jobs for local people, including care "
            "leavers; support for unpaid carers; and reducing carbon from care workers' travel. Bidders will be "
            "asked for specific, measurable commitments against each priority.",
        ),
        ("h1", "5 Fair work"),
        (
            "p",
            "Care workers must be paid at least the Real Living Wage for all working time, including travel time "
            "and training time, and must be offered guaranteed hours. The price model shows how travel time is "
            "funded.",
        ),
        ("h1", "6 Equality and accessible information"),
        (
            "p",
            "An equality impact assessment has been published with this invitation. Providers must offer "
            "information in accessible formats and easy read, arrange interpreters, including BSL, and monitor "
            "outcomes by protected characteristic.",
        ),
        ("h1", "7 Contract term"),
        (
            "p",
            "The contract will run for five years from 1 October 2026, with an option to extend by up to two "
            "years. We will review it with providers and people who draw on care at the end of years one and "
            "three.",
        ),
        ("h1", "8 Taking part"),
        (
            "p",
            "The tender documents and portal are free to use. An optional online briefing will be held on "
            "18 March 2026 and a recording will be published for anyone who cannot attend. Tenders are due on "
            "20 April 2026, 45 days after publication, to give partners time to form consortia.",
        ),
        (
            "p",
            "We do not ask for audited accounts where the law does not require them, and insurance needs to be "
            "in place only by the contract start date. Small and voluntary organisations can rely on partners or "
            "sub-contractors to meet any condition.",
        ),
    ],
)


# --- .odt ----------------------------------------------------------------------------------------------

ITT_LUNCH_CLUBS = SynthDoc(
    filename="itt-lunch-clubs.odt",
    title="Invitation to Tender: Lunch Clubs for Older People",
    author="Casterbridge City Council",
    subject="Invitation to tender, lunch clubs, 2026 to 2029",
    header="Casterbridge City Council — Invitation to Tender",
    created=_at(2026, 1, 20),
    modified=_at(2026, 1, 26),
    blocks=[
        ("title", "Invitation to Tender: Lunch Clubs for Older People"),
        (
            "subtitle",
            "Casterbridge City Council — Communities and Adult Social Care. Reference CCC/COM/2026/011, "
            "26 January 2026",
        ),
        ("h1", "1 Introduction"),
        (
            "p",
            "Casterbridge City Council is procuring a contract for lunch clubs for older people in eight "
            "neighbourhoods of the city. Clubs give older people, many of whom live alone, a hot meal and company, "
            "help prevent loneliness, and give unpaid carers a few hours' break.",
        ),
        (
            "p",
            "The clubs are run today by volunteers from churches, community centres and residents' associations, "
            "with small grants from the Council that end in March 2026.",
        ),
        ("h1", "2 Why we are tendering"),
        (
            "p",
            "As the total value of the contract is above £100,000, the Council is required by law to tender this "
            "service under its Contract Procedure Rules and the Procurement Act 2023.",
        ),
        ("h1", "3 The requirement"),
        (
            "p",
            "The provider will run at least one club in each of the eight neighbourhoods, recruit and support "
            "volunteers, arrange transport for members who need it and meet food hygiene standards. The full "
            "service specification is at Appendix A.",
        ),
        (
            "p",
            "The provider must be a single organisation: sub-contracting is not permitted under this contract, and "
            "clubs may not be handed to community groups to run.",
        ),
        (
            "p",
            "The two club coordinators employed by the provider must be paid at least the Real Living Wage.",
        ),
        ("h1", "4 Information day"),
        (
            "p",
            "Attendance at the information day is compulsory. It will take place at the Guildhall, Casterbridge, "
            "on 10 February 2026 from 2pm to 4pm, and bidders who do not attend will be excluded.",
        ),
        ("h1", "5 Evaluation"),
        (
            "p",
            "Tenders will be evaluated on quality (50%), price (40%) and social value (10%). Quality answers will "
            "be scored by a panel of Council officers from Communities and Adult Social Care.",
        ),
        ("h1", "6 Contract"),
        (
            "p",
            "The contract will run for three years from 1 April 2026. The Council will pay the provider quarterly "
            "in arrears and will pay valid invoices within 30 days.",
        ),
        ("h1", "7 Submitting a tender"),
        (
            "p",
            "Tenders must be submitted through the Council's procurement portal by 12 noon on 2 March 2026. "
            "Questions may be asked through the portal until 20 February 2026.",
        ),
    ],
)

SHARED_LIVES = SynthDoc(
    filename="shared-lives-spec.odt",
    title="Shared Lives Service Specification",
    author="Anyshire County Council",
    subject="Shared Lives service specification, 2026 to 2033",
    header="Anyshire County Council — Shared Lives",
    created=_at(2025, 11, 24),
    modified=_at(2025, 12, 1),
    blocks=[
        ("title", "Shared Lives Service Specification"),
        ("subtitle", "Anyshire County Council — Adult Social Care. Version 2.0, December 2025"),
        ("h1", "1 What Shared Lives is for"),
        (
            "p",
            "In Shared Lives, an adult who needs support lives with, or regularly visits, a Shared Lives carer "
            "and their family, sharing their home and community life. It helps people build friendships, learn "
            "new skills, stay independent and take part in their community, and it can prevent or delay the need "
            "for residential care.",
        ),
        (
            "p",
            "This specification was co-produced with people who use Shared Lives, Shared Lives carers and their "
            "families, and with Shared Lives Plus. Local schemes helped shape it at a provider workshop in "
            "September 2025, as part of our market engagement.",
        ),
        ("h1", "2 Outcomes"),
        (
            "p",
            "The scheme will be judged on the outcomes people tell us matter to them: feeling at home and part of "
            "a family, having friends and things to do, being as independent as they want to be, and being safe. "
            "People will say what difference Shared Lives has made to them at each annual review, and the scheme "
            "will share what it learns with the Council and with people who use Shared Lives.",
        ),
        ("h1", "3 How the scheme works"),
        (
            "p",
            "The scheme recruits, assesses, trains and supports Shared Lives carers, and matches people and "
            "carers carefully, building on each person's strengths, interests and wishes. The person and their "
            "carer decide together how each day goes; the scheme does not set tasks or times.",
        ),
        (
            "p",
            "The service is not divided into lots because a single registered scheme must approve and support "
            "all Shared Lives carers in the county, and matching works best across the whole county.",
        ),
        ("h1", "4 Money"),
        (
            "p",
            "Shared Lives carers receive a weekly fee for each arrangement, agreed with the carers' forum and "
            "uplifted every April. The scheme is paid monthly in advance and valid invoices are paid within "
            "30 days. Scheme staff must be paid at least the Real Living Wage.",
        ),
        ("h1", "5 Equality and accessible information"),
        (
            "p",
            "An equality impact assessment was completed with the specification. Information about Shared Lives "
            "must be available in easy read and other accessible formats, and the scheme must arrange "
            "interpreters, including BSL, whenever they are needed.",
        ),
        ("h1", "6 Contract term and award"),
        (
            "p",
            "The contract will run for five years from 1 April 2026, with an option to extend by two years, and "
            "will be reviewed with the scheme, carers and people who use Shared Lives at the end of years two and "
            "four. Tenders will be assessed on quality (60%), social value (15%) and price (25%), and a person "
            "who uses Shared Lives will sit on the evaluation panel.",
        ),
    ],
)

DPS_CONDITIONS = SynthDoc(
    filename="dps-home-care-conditions.odt",
    title="Home Care Dynamic Purchasing System: Conditions of Participation",
    author="Barsetshire County Council",
    subject="Conditions of participation for the home care DPS",
    header="Barsetshire County Council — Home Care DPS",
    created=_at(2025, 4, 28),
    modified=_at(2025, 5, 5),
    blocks=[
        ("title", "Home Care Dynamic Purchasing System: Conditions of Participation"),
        ("subtitle", "Barsetshire County Council — Adult Social Care. Document 2 of 5, issued 5 May 2025"),
        ("h1", "1 About the DPS"),
        (
            "p",
            "Barsetshire County Council is setting up a dynamic purchasing system (DPS) for home care and care and "
            "support at home. The DPS is open: new providers may apply to join at any time while it runs, and "
            "there is no limit on the number of providers admitted.",
        ),
        (
            "p",
            "A contract notice for the DPS will be published in the OJEU and on Contracts Finder. Care packages "
            "will then be offered to providers on the DPS through mini-competitions in four areas of the county.",
        ),
        ("h1", "2 Conditions of participation"),
        (
            "p",
            "To be admitted to the DPS, applicants must meet each of the following conditions. The Council will "
            "assess each application on a pass or fail basis.",
        ),
        (
            "ol",
            [
                "Applicants must be registered with the Care Quality Commission for the regulated activity of "
                "personal care.",
                "Applicants must hold ISO 9001 certification and must send a copy of the certificate with the "
                "application.",
                "Employer's liability and public liability insurance must be in place at the time of submission, "
                "with cover of at least £10 million each.",
                "Applicants must have previously held a contract with the Council for home care services.",
                "Applicants must have a safeguarding policy that has been approved by their board in the last "
                "twelve months.",
            ],
        ),
        ("h1", "3 Applying"),
        (
            "p",
            "Applications are assessed in rounds. The first round opens on 12 May 2025 and the submission window "
            "is 10 days; applications received after the window closes will be held over to the next round.",
        ),
        (
            "p",
            "For each care package offered through the DPS, the response window is 2 working days, because most "
            "packages are needed for people leaving hospital.",
        ),
        ("h1", "4 After admission"),
        (
            "p",
            "Providers admitted to the DPS will sign the Council's standard home care call-off contract. The DPS "
            "will run for eight years, and the Council may reopen the mini-competition areas at any time.",
        ),
    ],
)

ITT_DOMESTIC_ABUSE = SynthDoc(
    filename="itt-domestic-abuse-support-template.odt",
    title="Instructions to Bidders: Community Domestic Abuse Support Service",
    author="Borsetshire Council",
    subject="Instructions to bidders (draft with template fields)",
    header="Borsetshire Council — DRAFT",
    created=_at(2026, 1, 14),
    modified=_at(2026, 1, 14),
    blocks=[
        ("title", "Instructions to Bidders: Community Domestic Abuse Support Service"),
        (
            "subtitle",
            "Borsetshire Council — Community Safety and Adult Social Care. Reference [insert reference], draft "
            "of 14 January 2026",
        ),
        ("h1", "1 Introduction"),
        (
            "p",
            "Borsetshire Council invites tenders for a community domestic abuse support service for adults and "
            "their children across the district. The service will offer early help, safety planning, advocacy "
            "and emotional support to survivors, including survivors with care and support needs, and will run "
            "groups that help people recover and rebuild their lives.",
        ),
        (
            "p",
            "The service specification (Part B) was developed with survivors through the Borsetshire Domestic "
            "Abuse Partnership's lived experience panel, and with specialist providers at two market engagement "
            "events in 2025.",
        ),
        ("h1", "2 Timetable"),
        (
            "table",
            [
                ["Stage", "Date"],
                ["Publication of tender", "2 February 2026"],
                ["Clarification deadline", "2 March 2026"],
                ["Tender return", "16 March 2026"],
                ["Contract start", "1 July 2026"],
            ],
        ),
        ("h1", "3 Evaluation"),
        (
            "p",
            "Tenders will be evaluated using the most advantageous tender approach against the award criteria "
            "below.",
        ),
        (
            "table",
            [
                ["Criterion", "Weighting"],
                ["Quality", "«Insert_Weight»%"],
                ["Social value", "«Insert_Weight»%"],
                ["Price", "«Insert_Weight»%"],
            ],
        ),
        (
            "p",
            "Quality will be assessed by a panel that includes a member of the lived experience panel.",
        ),
        ("h1", "4 Questions"),
        (
            "ol",
            [
                "Question 1: Describe how you will keep survivors safe while they use the service.",
                "Question 2: Describe how you will work with the Multi-Agency Risk Assessment Conference.",
                "Question 3: Describe how you will meet the needs of survivors who are disabled, older or from "
                "minoritised communities, including interpreting and accessible information.",
                "Question 4: Describe how your staff will be recruited, trained, supervised and paid, including "
                "your commitment to the Real Living Wage.",
                "Question 5: Please describe the social value your organisation will deliver through this contract.",
            ],
        ),
        ("h1", "5 Contract"),
        (
            "p",
            "The contract will run for [insert] years from 1 July 2026. The Council will pay valid invoices within "
            "30 days of receipt.",
        ),
    ],
)


DOCUMENTS: list[SynthDoc] = [
    CONTRACT_12_MONTH,
    CONTRACT_RIGID,
    SPEC_TRACKED,
    SUPPORTED_LIVING,
    ALLIANCE,
    REABLEMENT,
    ITT_DAY_OPPORTUNITIES,
    NOTICE_PCR2015,
    PROVIDER_BRIEFING,
    ITT_GOOD_PRACTICE,
    ITT_LUNCH_CLUBS,
    SHARED_LIVES,
    DPS_CONDITIONS,
    ITT_DOMESTIC_ABUSE,
]
