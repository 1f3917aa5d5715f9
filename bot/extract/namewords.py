"""Words around names: descriptors, name tails, common words and deal words.

`bot.names` reads company and investor names with these lists; they are kept apart from the
money and kind vocabulary in `bot.lexicon` so each list is a one-word change.
"""

from __future__ import annotations

NAME_ADVERBS = set(
    """
    reportedly quietly officially just now finally also has have had is was will today again
    quickly
    already still successfully recently newly formally only who which that itself says said
    it
    """.split()  # noqa: SIM905 - a word list reads better as text
)
DESCRIPTORS = set(
    """
    startup start-up startups company companies firm platform maker makers app provider
    developer unicorn giant rival challenger spinout spin-off spinoff upstart newcomer
    fintech edtech healthtech insurtech proptech agritech agtech cleantech climatetech
    climate-tech deeptech deep-tech biotech medtech foodtech legaltech regtech adtech
    martech saas b2b d2c dtc b2c ev neobank marketplace stealth operator lender insurer
    retailer brand darling player builder creator owner manufacturer producer supplier
    chipmaker automaker carmaker drugmaker tool service solution solutions venture outfit
    specialist pioneer leader e-commerce ecommerce quick-commerce web3 crypto exchange
    network software tech technology ai genai gen-ai robotics defense defence healthcare
    logistics mobility gaming security cybersecurity fashion food delivery travel energy
    battery space drone chip semiconductor analytics data cloud payments payment lending
    banking insurance wealth wealthtech hr hrtech agentic coding voice video audio music
    media social dating beauty pet legal climate carbon solar nuclear fusion quantum
    biotechnology health mental fitness education learning new former ex the a an its based
    backed led owned founded indie consumer enterprise open-source open source agent agents
    app-based online digital mobile electric autonomous self-driving site business notetaker
    spin-out bot chatbot assistant streamer broadcaster
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that end a company name but are also descriptors: kept when part of the name's run.
NAME_TAILS = set(
    """
    ai labs robotics bio health energy technologies systems space security data cloud pay
    finance capital tech media network exchange software therapeutics motors aerospace
    fusion quantum payments analytics games studios foods mobility logistics technology
    company group lab insurance bank
    """.split()  # noqa: SIM905 - a word list reads better as text
)
COMMON = set(
    """
    the a an this that these those it its in on at by for with from to of and or but as if
    beyond principally however perhaps indeed also meanwhile today yesterday now then after
    before while when where why how what who which there here their our we they he she his
    her following according despite since though although because so still yet even more
    most many some several other others another all both each every no not new last first
    next earlier later previously currently recently together instead besides additionally
    including existing notably separately overall finally once under over into about among
    between other-wise amid against one during founded launched backed led based mr ms dr
    ceo cto coo cfo founder co-founder chief president partner managing investors investor
    backers series seed round funding round's monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december techcrunch bloomberg reuters forbes axios cnbc information wsj fortune
    sifted crunchbase pitchbook inc42 yourstory entrackr finsmes eu-startups tech.eu
    venturebeat business insider wired verge engadget ft financial times economic mint
    statement sources source report reports filing filings said says told spokesperson press
    release government state federal national international global world u.s. uk eu us
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words of the deal itself: in Title Case headlines they are capitalised but never a name.
DEAL_WORDS = {
    "series",
    "seed",
    "round",
    "others",
    "more",
    "investors",
    "valuation",
    "valued",
    "values",
    "funding",
    "financing",
    "investment",
    "raise",
    "raises",
    "raised",
    "tops",
    "hits",
    "reaches",
    "at",
    "to",
    "for",
    "in",
    "as",
    "amid",
    "after",
    "now",
    "taking",
    "bringing",
    "pushing",
}
LIST_STOP = {"the", "a", "an", "its", "their", "existing", "new", "other", "and", "with", "from"}
# plural nouns that end a company's name ("Nuclear Turbines", "Vast Materials")
PLURAL_TAILS = set(
    """
    turbines materials dynamics networks industries sciences biosciences semiconductors devices
    instruments machines batteries works chips
    """.split()  # noqa: SIM905 - a word list reads better as text
)
