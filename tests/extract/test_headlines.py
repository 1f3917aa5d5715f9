"""bot.extract.headlines: other outlets' headline forms read as the English reader knows them.
Our own sentences about real deals (facts from the companies' announcements)."""

from __future__ import annotations

import pytest

from bot.extract.engine import extract
from bot.extract.headlines import normalise


@pytest.mark.parametrize(
    ("title", "company", "amount", "investors"),
    [
        # press wires: the company, a colon, the deal
        (
            "Soxton AI: $2.5 Million Pre-Seed Raised For Its Legal Assistant",
            "Soxton AI",
            2.5e6,
            (),
        ),
        # investors as the subject
        (
            "SoftBank Joins Berkshire Grey’s $263M Round For Warehouse Robots",
            "Berkshire Grey",
            263e6,
            ("SoftBank",),
        ),
        ("Tiger Global tops up Razorpay's Series F", "Razorpay", None, ("Tiger Global",)),
        (
            "Michael Jordan, Multicoin Back NFT Firm Metaplex in $46M Round",
            "Metaplex",
            46e6,
            ("Michael Jordan", "Multicoin"),
        ),
        ("Microsoft commits $10 billion to OpenAI", "OpenAI", 10e9, ("Microsoft",)),
        (
            "Andreessen Horowitz Wins Deal for Creator Startup Stir at $100 Million Valuation",
            "Stir",
            None,
            ("Andreessen Horowitz",),
        ),
        (
            "Wrexham AFC Receives Minority Investment From Apollo Sports Capital",
            "Wrexham AFC",
            None,
            ("Apollo Sports Capital",),
        ),
        # an appositive, a parent company, a label and an outlet's name around the headline
        ("Notion, Maker of Note-Taking Software, Raises $50 Million", "Notion", 50e6, ()),
        ("Nvidia Invests in Honeywell’s Quantinuum", "Quantinuum", None, None),
        ("Exclusive: Perplexity raises $73.6M in new round – WSJ", "Perplexity", 73.6e6, ()),
    ],
)
def test_headline_forms(title: str, company: str, amount: float | None, investors) -> None:
    found = extract(title)
    assert found.kind == "funding"
    assert found.company == company
    assert found.amount == amount
    if investors is not None:
        assert found.investors == investors


def test_the_rule_that_rewrote_a_headline_is_named() -> None:
    text, rule = normalise("Exxat: Minority Growth Investment Raised From Accel-KKR")
    assert text == "Exxat raises Minority Growth Investment from Accel-KKR"
    assert rule == "press-wire 'Name: $X raised' headline"
    assert normalise("Mistral AI raises €600M") == ("Mistral AI raises €600M", "")


@pytest.mark.parametrize(
    "title",
    [
        "Alphabet CEO backs temporary ban on facial-recognition technology",
        # our sentence: a company backing a body's proposed rule is no investment (2020)
        "Google backs the EU's planned five-year face recognition ban",
        # a gift to a university is no venture round: the Williams' 2025 gift to Michigan State
        # (ours)
        "Michigan State University Receives $401 Million Commitment From Alumni",
        # a spree, a shareholder sale, a personal loan and a ticket discount (ours, 2025)
        "Big Tech tests investors' patience with its $80bn AI investment spree",
        "Stripe mulls an employee shareholder sale at an $85B valuation",
        "Bolt's founder explains his $30M personal loan",
        "Two days left to get your founder pass with $300+ off",
        # a column's line of stories, and a talk whose last topic is a round (ours, 2021-2023)
        "Korean crypto firm raises $140M, China's AI sector, an exchange feud: Asia Express",
        "Ndubuisi Ekekwe on Africa's startup future, new edtech, and Andela's $200m Series E",
        # a region's monthly total, a digest and rivals helped to raise (ours, 2017-2023)
        "Startups in Mena raised $764 million in November 2023",
        "STARTUP DIGEST: KKR invests $625 mn in Vini Cosmetics, govt issues new rules",
        "Uber in the crosshairs as SoftBank helps rivals raise $9 billion",
        # a trade newsletter's digest and a firm's many investments (ours, 2020 and 2025)
        "EuroBiotech Report—BioNTech raises $325M, Osivax bags €8M and more",
        "CoreNest Capital Announces Investments in 10 Frontier AI Startups",
        # a listed group's rights issue (Akulaku's affiliates, 2020: ours)
        "Akulaku to bolster its bank with $15m capital injection via rights issue",
        # money a company will spend in a country (Amazon's AWS region in Chile, 2023; RTX in
        # Singapore, 2024: ours, the second in Title Case)
        "RTX To Invest $139 Million In Singapore Through New Agreements",
        "Amazon to invest $4B in Chile to launch a cloud region",
        # money poured into a country in a week (Nigeria, 2021: ours)
        "Investors pour almost $400m into Nigeria in one week",
        # money into things, not a company: GM's 2018 plan for its Orion plant (ours)
        "GM investing $300 million into electric, self-driving cars at Orion",
        "Safaricom raises $154m as investors flood its bond sale",
        "GM to invest $2.2B in Detroit to build electric vehicles",
        "AI-powered coding pulls in almost $1bn of funding",
        "The U.S. Leads in World-Changing Startups",
        "Indian Startups Raised $96 Mn This Week",
    ],
)
def test_not_a_round(title: str) -> None:
    assert extract(title).kind != "funding"


def test_a_planned_investment_names_the_company_it_goes_to() -> None:
    """Nvidia's planned investment of up to $1B in Poolside (October 2025)."""
    found = extract("Nvidia plans to invest up to $1 billion in coding startup Poolside")
    assert (found.kind, found.company, found.amount, found.investors) == (
        "rumor",
        "Poolside",
        1e9,
        ("Nvidia",),
    )
    assert dict(found.rules)["headline form"] == "investor to invest money in a company"


def test_a_value_after_a_figure_is_a_valuation() -> None:
    """Granola's $125M round at a $1.5B valuation (March 2026)."""
    found = extract("Note-taking app Granola reaches $1.5 billion value with $125 million round")
    assert (found.company, found.amount, found.valuation) == ("Granola", 125e6, 1.5e9)


@pytest.mark.parametrize(
    ("title", "company", "investors"),
    [
        # press wires naming the investor before the colon (Stonepeak's A$1B for Aura Holdings,
        # 2026; H.I.G. WhiteHorse's €120M financing for Nasta Pet Food, 2026): ours
        (
            "Stonepeak: A$1 Billion Investment To Grow Aura Holdings’ Villages",
            "Aura Holdings",
            ("Stonepeak",),
        ),
        (
            "H.I.G. WhiteHorse: €120 Million Financing Arranged For Nasta Pet Food",
            "Nasta Pet Food",
            ("H.I.G. WhiteHorse",),
        ),
        # ...and the company itself when the money was raised or secured
        ("Bleap: $6 Million Seed Secured For Self-Custodial Accounts", "Bleap", ()),
        # a qualifier may stand before the money (Varaha's $45M, 2025)
        ("Varaha: About $45 Million Raised For Carbon Removal", "Varaha", ()),
        # an outlet's or column's name before a whole headline is no press wire (Berachain's
        # $100M Series B, 2024; Monad Labs' $225M, 2024)
        ("The Block: Berachain raises $100 million in Series B", "Berachain", ()),
        (
            "Crypto Deals: Monad Labs Raises $225 Million Led by Paradigm",
            "Monad Labs",
            ("Paradigm",),
        ),
    ],
)
def test_press_wire_investor_or_company_before_the_colon(
    title: str, company: str, investors
) -> None:
    found = extract(title)
    assert (found.company, found.investors) == (company, investors)


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # a Title Case description before the name, round words after it, a pronoun: no name
        ("Google Commits $2 Billion in Funding to AI Startup Anthropic", "Anthropic"),  # Oct 2023
        (
            "Japanese insurer Sompo investing $500 million in data analytics firm Palantir",
            "Palantir",
        ),
        ("OpenAI Valuation Reaches $500 Billion", "OpenAI"),  # Oct 2025
        ("SpaceX Funding Round at $74 Billion Valuation Was Led by Sequoia", "SpaceX"),  # 2020
        ("Cameo Connects Celebrities With Fans and It's Now Valued at $1 Billion", None),  # 2021
    ],
)
def test_the_subject_made_a_name(title: str, company: str | None) -> None:
    found = extract(title)
    assert found.kind == "funding"
    assert found.company == company


@pytest.mark.parametrize(
    ("title", "company"),
    [
        ("Announcing StackHawk's $20.7 Million Series B", "StackHawk"),  # 2022
        ("Anysphere, Hailed as Fastest Growing Startup Ever, Raises $900 Million", "Anysphere"),
        ("Silicon Valley startup beaming electricity wirelessly raises $30 million", None),
        ("Chinese AR Glasses Maker Raises $60 Million", None),  # Xreal, 2022, unnamed here
        ("The Browser Company raises $50M", "The Browser Company"),  # March 2024
    ],
)
def test_wrappers_asides_and_descriptions(title: str, company: str | None) -> None:
    found = extract(title)
    assert found.kind == "funding"
    assert found.company == company


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # an owner's company: named after its description, or not named at all
        (
            "Paradigm and Founders Fund lead $16 million investment in 3LAU's NFT platform Royal",
            "Royal",
        ),
        ("Former MLB Pitcher's DC Startup Lands $23M for Sports Betting Platform", None),
    ],
)
def test_an_owners_company(title: str, company: str | None) -> None:
    found = extract(title)
    assert found.kind == "funding"
    assert found.company == company


def test_a_loan_guarantee_and_a_valuation_to_come() -> None:
    assert extract("Jaguar Land Rover Gets Government Loan Guarantee").kind == "other"  # 2025
    found = extract("AI Startup Perplexity to Triple Valuation to $9 Billion in New Funding Round")
    assert (found.kind, found.company) == ("rumor", "Perplexity")  # Nov 2024


def test_a_rounds_owner_a_summary_appositive_and_verbs_are_no_names() -> None:
    found = extract("Anthropic's $13bn Series F raise sees it triple in value to $183bn")
    assert (found.company, found.amount) == ("Anthropic", 13e9)  # Sept 2025
    found = extract(
        "Travis Kalanick's robotics company raises $1.7B, led by a16z",
        "Travis Kalanick's robotics company, Atoms, has raised $1.7 billion.",
    )
    assert found.company == "Atoms"  # 2026
    assert extract("His Startup Is Now Worth $62 Billion").company is None
    assert (
        extract("Series, a GenAI game platform, has raised $28M from Netflix").company == "Series"
    )


def test_regional_subjects() -> None:
    # a summary's "Name, <someone>'s …" appositive; a place is never the company
    found = extract(
        "Tencent, SoftBank Invest $1.1B In Uber Rival In India",
        "Ola, Uber's chief ride-hailing rival in India, said it has raised $1.1 billion.",
    )
    assert found.company == "Ola"  # Oct 2017
    # the subject of the clause after "As"; one figure said as a valuation is not the amount
    found = extract("Egypt Gearing Up to Upset the Fintech Market As Paymob Raises $15m Series A")
    assert found.company == "Paymob"  # 2022
    found = extract("Cred valued at $2.2 billion with new round")
    assert (found.company, found.amount, found.valuation) == ("Cred", None, 2.2e9)  # Apr 2021
    # a sentence-case rubric before a colon is no name, and Series I is no company
    found = extract("Fresh investment: Swiggy adds Rs 264 crore in Series I funding")
    assert (found.kind, found.company) == ("funding", "Swiggy")  # 2021


def test_a_target_before_its_description_a_funds_name_and_mixed_instruments() -> None:
    found = extract("Delivery Hero leads $1bn funding round for Gorillas start-up")
    assert found.company == "Gorillas"  # Oct 2021
    found = extract("Steph Curry's VC firm just backed an AI startup that fixes supply chains")
    assert found.company is None
    found = extract(
        "African fintech OPay valued at $2B in SoftBank Vision Fund 2-led $400M funding"
    )
    assert (found.kind, found.company, found.amount) == ("funding", "OPay", 4e8)  # Aug 2021
    found = extract("Asset financing startup M-Kopa raises over $250m debt and equity")
    assert (found.company, found.round) == ("M-Kopa", None)  # May 2024


def test_title_case_small_words_are_read_as_a_sentences() -> None:
    """Wires capitalise every word ("Invests In … To Advance"); the reader lowers the small
    ones so they end a name as they do in a sentence (our headlines about Wave Function
    Ventures' 2025 investment in Natilus and Dhruva Space's 2025 pre-Series B talks)."""
    found = extract("Wave Function Ventures Invests In Aerospace Company Natilus To Advance Flight")
    assert (found.kind, found.company) == ("funding", "Natilus")
    assert found.investors == ("Wave Function Ventures",)
    talks = extract("Dhruva Space To Raise $4.2 Mn In Ongoing Pre-Series B Round")
    assert (talks.kind, talks.company) == ("rumor", "Dhruva Space")
    assert (
        normalise("Acme Raises $5M To Expand In Europe")[0] == "Acme Raises $5M to Expand in Europe"
    )
    assert (
        normalise("Acme raises $5M to expand In Europe")[0] == "Acme raises $5M to expand In Europe"
    )


def test_a_studio_launches_a_company_with_money() -> None:
    # Argobio's Enodia (2025, EUR 20.7M seed) and Flagship's Generate Biomedicines (2020, $50M)
    found = extract("Argobio Launches Enodia With €20.7 Million Seed Round To Develop Drugs")
    assert (found.company, found.amount, found.round) == ("Enodia", 20.7e6, "seed")
    assert found.investors == ("Argobio",)
    assert extract("Flagship Pioneering launches Generate Biomedicines with $50M").company == (
        "Generate Biomedicines"
    )


def test_a_management_buyout_is_a_purchase() -> None:
    title = "Aerodigm Wealth Completes Management Buyout And Rebrands With $1.5 Billion AUM"
    assert extract(title).kind == "acquisition"  # 2026


@pytest.mark.parametrize(
    "title",
    [
        # a description that a clause goes on describing names no company (Bezos' 2025 bet on
        # an unnamed chipmaker; Cursor's 2025 valuation told without its name)
        "Bezos Backs AI Chipmaker Vying With Nvidia at $2.6 Billion Value",
        "The AI Coding Startup Favored by Tech CEOs Is Now Worth $29.3 Billion",
    ],
)
def test_a_described_company_is_not_named(title: str) -> None:
    found = extract(title)
    assert found.kind == "funding"
    assert found.company is None
    assert "Nvidia" not in found.investors  # a rival, not a backer


def test_a_quoted_name_after_a_description() -> None:
    # Triller's USD 28M Series B (2019), told around its rivalry with TikTok
    title = "Music Video Upstart ‘Triller’ Says It’s Taking On TikTok Amid $28 Million Series B"
    found = extract(title)
    assert (found.company, found.amount, found.round) == ("Triller", 28e6, "series-b")


def test_wire_labels_legal_forms_and_the_passive() -> None:
    """Our headlines about MAX's USD 31M Series B (2021), Komaza's USD 28M (2020) and
    Cityfurnish's 2020 round beside other news."""
    found = extract("Nigeria: Mobility-Tech Startup MAX Bags U.S.$31 Million in Series B Round")
    assert (found.company, found.round) == ("MAX", "series-b")  # a country label, no name
    assert extract("KENYA: $28 million is raised by Komaza to expand plantations").company == (
        "Komaza"
    )
    assert normalise("Acme Robotics Pvt Ltd Receives $5 Million")[0].startswith("Acme Robotics Rec")
    digest = "Cityfurnish raises funding from YouTube co-founder; Twitter may back ShareChat"
    assert extract(digest).kind == "other"  # two stories in one headline


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # our headlines: an unnamed Grand Rapids startup's USD 3.75M seed (2024); OM1's USD 50M
        # Series C (2020), its description holding "&"; Actionable's EUR 2M in Title Case French
        ("AI wood recycling startup in Grand Rapids secures $3.75M in seed funding", None),
        ("Real-World Outcomes & Technology Company OM1 Closes $50 Million Series C", "OM1"),
        ("Actionable Lève 2 Millions D’Euros Pour Son Outil D’Analyse", "Actionable"),
    ],
)
def test_places_long_descriptions_and_title_case_french(title: str, company: str | None) -> None:
    found = extract(title)
    assert (found.kind, found.company) == ("funding", company)


@pytest.mark.parametrize(
    ("title", "summary", "company", "investors"),
    [
        # our sentences: Figure 1's US$10M with Manulife among new backers (2016); money written
        # "US$" after a pouring verb is money
        (
            "Manulife among investors pumping US$10 million into medical image-sharing app",
            "Figure 1, a Toronto app for doctors to share medical images, has raised US$10 million.",
            "Figure 1",
            ("Manulife",),
        ),
        (
            "Manulife pumps US$10 million into medical image-sharing app",
            "Figure 1, a Toronto app for doctors to share medical images, has raised US$10 million.",
            "Figure 1",
            ("Manulife",),
        ),
        # Sequoia in Zepto's $200M Series E (2022)
        ("Sequoia among backers in $200M Series E for Zepto", "", "Zepto", ("Sequoia",)),
    ],
)
def test_an_investor_among_a_rounds_investors(
    title: str, summary: str, company: str, investors: tuple
) -> None:
    found = extract(title, summary)
    assert (found.kind, found.company, found.investors) == ("funding", company, investors)


@pytest.mark.parametrize(
    ("title", "kind", "company", "leads", "investors"),
    [
        # press-wire shapes (our sentences): Insight Partners' growth investment in Recorded
        # Future (2017), Eric Schmidt backing a startup, a buyback, a notes offering, a hire and a
        # grant with the company named first
        (
            "Recorded Future Announces Strategic Growth Investment Led by Insight Partners",
            "funding",
            "Recorded Future",
            ("Insight Partners",),
            ("Insight Partners",),
        ),
        (
            "Acme Robotics Welcomes Investment from Former Google CEO Eric Schmidt",
            "funding",
            "Acme Robotics",
            (),
            ("Eric Schmidt",),
        ),
        ("Zoom Announces $1 Billion Share Repurchase Program", "other", None, (), ()),
        (
            "Coinbase Announces Pricing of $1.2 Billion Convertible Senior Notes Offering",
            "other",
            None,
            (),
            (),
        ),
        (
            "Clari Names New Chief Financial Officer Following $225M Raise",
            "funding",
            "Clari",
            (),
            (),
        ),
        ("Insitro Awarded $2 Million NIH Grant", "funding", "Insitro", (), ()),
    ],
)
def test_press_wire_shapes_without_a_sum_and_what_is_no_round(
    title: str, kind: str, company: str | None, leads: tuple, investors: tuple
) -> None:
    found = extract(title)
    assert found.kind == kind
    if kind == "funding":
        assert (found.company, found.lead_investors, found.investors) == (company, leads, investors)


@pytest.mark.parametrize(
    ("title", "kind", "company", "investors"),
    [
        # our sentences: Nvidia's commitment to SSI (2026); a plan is still talk (Nvidia and
        # Poolside, 2025); a person's company and a clause after a semicolon are cut off
        (
            "Sources: Nvidia has committed to invest $5B in Ilya Sutskever's SSI; the startup"
            " was valued at $32B last year",
            "funding",
            "SSI",
            ("Nvidia",),
        ),
        (
            "Nvidia to Invest Up to $1 Billion in AI Startup Poolside",
            "rumor",
            "Poolside",
            ("Nvidia",),
        ),
    ],
)
def test_an_investment_committed_or_planned(
    title: str, kind: str, company: str, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.investors) == (kind, company, investors)


@pytest.mark.parametrize(
    ("title", "company", "amount"),
    [
        # our sentences about Speak's $27M (2021) and Sierra's $110M (2024)
        ("$27M for Speak to build AI language tutors", "Speak", 27e6),
        ("Meet Sierra, the startup that just raised $110M", "Sierra", 110e6),
    ],
)
def test_money_for_a_company_to_do_something_and_meet_openers(
    title: str, company: str, amount: float
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.amount) == ("funding", company, amount)
