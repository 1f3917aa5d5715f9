"""Places that headlines put before a company: "China's X", "Berlin-based X", "Indian fintech X"."""

from __future__ import annotations

import re

# Demonym / adjective → the name we store.
# fmt: off
DEMONYMS = {
    "american": "US", "u.s.": "US", "us": "US", "indian": "India", "chinese": "China",
    "german": "Germany", "french": "France", "british": "UK", "uk": "UK", "u.k.": "UK",
    "english": "UK", "scottish": "UK", "irish": "Ireland", "israeli": "Israel",
    "japanese": "Japan", "korean": "South Korea", "south korean": "South Korea",
    "brazilian": "Brazil", "mexican": "Mexico", "nigerian": "Nigeria", "kenyan": "Kenya",
    "egyptian": "Egypt", "canadian": "Canada", "australian": "Australia",
    "singaporean": "Singapore", "indonesian": "Indonesia", "vietnamese": "Vietnam",
    "swedish": "Sweden", "danish": "Denmark", "dutch": "Netherlands", "spanish": "Spain",
    "italian": "Italy", "swiss": "Switzerland", "finnish": "Finland", "norwegian": "Norway",
    "polish": "Poland", "turkish": "Turkey", "saudi": "Saudi Arabia", "emirati": "UAE",
    "pakistani": "Pakistan", "bangladeshi": "Bangladesh", "filipino": "Philippines",
    "thai": "Thailand", "malaysian": "Malaysia", "chilean": "Chile", "colombian": "Colombia",
    "argentine": "Argentina", "argentinian": "Argentina", "peruvian": "Peru",
    "south african": "South Africa", "ghanaian": "Ghana", "estonian": "Estonia",
    "portuguese": "Portugal", "austrian": "Austria", "belgian": "Belgium", "czech": "Czechia",
    "greek": "Greece", "ukrainian": "Ukraine", "lithuanian": "Lithuania", "latvian": "Latvia",
    "romanian": "Romania", "hungarian": "Hungary", "icelandic": "Iceland", "taiwanese": "Taiwan",
    "european": "Europe", "african": "Africa", "latin american": "Latin America",
    "latam": "Latin America", "nordic": "Nordics", "mena": "MENA", "moroccan": "Morocco",
    "tunisian": "Tunisia", "rwandan": "Rwanda", "ugandan": "Uganda", "ethiopian": "Ethiopia",
    "senegalese": "Senegal", "jordanian": "Jordan", "lebanese": "Lebanon", "qatari": "Qatar",
    "bahraini": "Bahrain", "kuwaiti": "Kuwait", "sri lankan": "Sri Lanka", "nepali": "Nepal",
    "new zealand": "New Zealand", "hong kong": "Hong Kong", "croatian": "Croatia",
    "slovenian": "Slovenia", "slovak": "Slovakia", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "luxembourgish": "Luxembourg", "cypriot": "Cyprus", "maltese": "Malta",
}
# fmt: on

# Countries, regions and the cities funding headlines name most.
_PLACE_NAMES = """
US, U.S., USA, America, India, China, Germany, France, UK, U.K., Britain, England, Scotland,
Wales, Ireland, Israel, Japan, Korea, Brazil, Mexico, Nigeria, Kenya, Egypt, Canada, Australia,
Singapore, Indonesia, Vietnam, Sweden, Denmark, Netherlands, Holland, Spain, Italy, Switzerland,
Finland, Norway, Poland, Turkey, Pakistan, Bangladesh, Philippines, Thailand, Malaysia, Chile,
Colombia, Argentina, Peru, Ghana, Estonia, Portugal, Austria, Belgium, Czechia, Greece, Ukraine,
Lithuania, Latvia, Romania, Hungary, Iceland, Taiwan, Europe, Africa, Asia, LatAm, MENA, Morocco,
Tunisia, Rwanda, Uganda, Ethiopia, Senegal, Jordan, Lebanon, Qatar, Bahrain, Kuwait, Nepal,
Croatia, Slovenia, Slovakia, Bulgaria, Serbia, Luxembourg, Cyprus, Malta, Dubai, UAE, Riyadh,
Berlin, Munich, Hamburg, Paris, London, Manchester, Edinburgh, Cambridge, Oxford, Dublin,
Amsterdam, Rotterdam, Stockholm, Copenhagen, Oslo, Helsinki, Tallinn, Madrid, Barcelona, Lisbon,
Milan, Rome, Zurich, Geneva, Vienna, Warsaw, Prague, Budapest, Bucharest, Athens, Istanbul,
Brussels, Bangalore, Bengaluru, Mumbai, Delhi, Gurugram, Gurgaon, Noida, Hyderabad, Chennai,
Pune, Kolkata, Ahmedabad, Jaipur, Beijing, Shanghai, Shenzhen, Hangzhou, Guangzhou, Tokyo,
Osaka, Seoul, Jakarta, Manila, Bangkok, Hanoi, Lagos, Nairobi, Cairo, Accra, Johannesburg,
Toronto, Vancouver, Montreal, Sydney, Melbourne, Auckland, Boston, Austin, Seattle, Chicago,
Miami, Denver, Atlanta, Pittsburgh, Detroit, Brooklyn, NYC, Texas, California, Florida, Utah,
Colorado, Ohio, Michigan, Virginia, Sao Paulo, Mexico City, Bogota, Santiago, Lima, Tel Aviv,
Abu Dhabi, Cape Town, Hong Kong, New York, San Francisco, Silicon Valley, Los Angeles, Bay Area,
Saudi Arabia, South Africa, South Korea, New Zealand, Latin America, Southeast Asia,
Middle East, North America, Sri Lanka, Ho Chi Minh City, Kuala Lumpur, New Delhi, Palo Alto
"""
PLACES = {p.strip().lower(): p.strip() for p in _PLACE_NAMES.split(",") if p.strip()}
# Store a few spellings under one name.
PLACES.update({"u.s.": "US", "usa": "US", "america": "US", "u.k.": "UK", "britain": "UK"})

# Larger regions, for subscription filters ("location:Europe").
# fmt: off
REGIONS = {
    "Europe": {
        "Europe", "Germany", "France", "UK", "Ireland", "Netherlands", "Spain", "Italy",
        "Switzerland", "Sweden", "Denmark", "Finland", "Norway", "Nordics", "Poland", "Estonia",
        "Portugal", "Austria", "Belgium", "Czechia", "Greece", "Ukraine", "Lithuania", "Latvia",
        "Romania", "Hungary", "Iceland", "Croatia", "Slovenia", "Slovakia", "Bulgaria", "Serbia",
        "Luxembourg", "Cyprus", "Malta", "Berlin", "Munich", "Hamburg", "Paris", "London",
        "Manchester", "Edinburgh", "Cambridge", "Oxford", "Dublin", "Amsterdam", "Rotterdam",
        "Stockholm", "Copenhagen", "Oslo", "Helsinki", "Tallinn", "Madrid", "Barcelona",
        "Lisbon", "Milan", "Rome", "Zurich", "Geneva", "Vienna", "Warsaw", "Prague", "Budapest",
        "Bucharest", "Athens", "Brussels", "England", "Scotland", "Wales", "Holland", "Britain",
    },
    "India": {
        "India", "Bangalore", "Bengaluru", "Mumbai", "Delhi", "New Delhi", "Gurugram", "Gurgaon",
        "Noida", "Hyderabad", "Chennai", "Pune", "Kolkata", "Ahmedabad", "Jaipur",
    },
    "Asia": {
        "Asia", "Southeast Asia", "China", "Japan", "South Korea", "Korea", "Singapore",
        "Indonesia", "Vietnam", "Philippines", "Thailand", "Malaysia", "Taiwan", "Hong Kong",
        "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Beijing", "Shanghai", "Shenzhen",
        "Hangzhou", "Guangzhou", "Tokyo", "Osaka", "Seoul", "Jakarta", "Manila", "Bangkok",
        "Hanoi", "Ho Chi Minh City", "Kuala Lumpur", "India",
    },
    "Latin America": {
        "Latin America", "Brazil", "Mexico", "Chile", "Colombia", "Argentina", "Peru",
        "Sao Paulo", "Mexico City", "Bogota", "Santiago", "Lima",
    },
    "Africa": {
        "Africa", "Nigeria", "Kenya", "Egypt", "Ghana", "South Africa", "Morocco", "Tunisia",
        "Rwanda", "Uganda", "Ethiopia", "Senegal", "Lagos", "Nairobi", "Cairo", "Accra",
        "Johannesburg", "Cape Town",
    },
    "Middle East": {
        "Middle East", "MENA", "Israel", "UAE", "Dubai", "Abu Dhabi", "Saudi Arabia", "Riyadh",
        "Qatar", "Bahrain", "Kuwait", "Jordan", "Lebanon", "Turkey", "Istanbul", "Tel Aviv",
        "Egypt",
    },
    "North America": {
        "North America", "US", "Canada", "Toronto", "Vancouver", "Montreal", "Boston", "Austin",
        "Seattle", "Chicago", "Miami", "Denver", "Atlanta", "Pittsburgh", "Detroit", "Brooklyn",
        "NYC", "New York", "San Francisco", "Silicon Valley", "Los Angeles", "Bay Area",
        "Texas", "California", "Florida", "Utah", "Colorado", "Ohio", "Michigan", "Virginia",
        "Palo Alto",
    },
}
# fmt: on
REGIONS["Oceania"] = {"Australia", "New Zealand", "Sydney", "Melbourne", "Auckland"}


def place_name(word: str) -> str | None:
    """The stored name of a place or demonym ("Berlin", "Indian" → "India"), or None."""
    key = word.strip().lower()
    return DEMONYMS.get(key) or PLACES.get(key)


def in_region(location: str | None, region: str) -> bool:
    """Is `location` in `region` (or the same place)? Case-insensitive."""
    if not location:
        return False
    want = region.strip().lower()
    loc = location.lower()
    if loc == want:
        return True
    for name, members in REGIONS.items():
        if name.lower() == want:
            return any(m.lower() == loc for m in members)
    return False


def places_agree(a: str, b: str) -> bool:
    """Could two stories' places be one company's: the same place, or one inside the other
    ("Bengaluru" and "India")? Two cities are two places."""
    return a.lower() == b.lower() or in_region(a, b) or in_region(b, a)


def _plain(token: str) -> str:
    return token.strip('.,;:!?"“”‘’()[]{}')


def _owner(token: str) -> str | None:
    """ "China's" → "China"; None when the token is not a possessive."""
    word = token if token.endswith(("'", "’")) else _plain(token)
    m = re.match(r"^(.+?)(?:'s|’s|'|’)$", word)
    return m.group(1) if m else None


def location_from_tokens(tokens: list[str]) -> str | None:
    text = " ".join(tokens)
    m = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)-based\b", text)
    if m and place_name(m.group(1)):
        return place_name(m.group(1))
    for i, token in enumerate(tokens):
        owner = _owner(token)
        word = owner if owner is not None else _plain(token)
        if i + 1 < len(tokens):
            pair = f"{_plain(token)} {_plain(tokens[i + 1])}"
            if place_name(pair.removesuffix("'s").removesuffix("’s")):
                return place_name(pair.removesuffix("'s").removesuffix("’s"))
        place = place_name(word)
        if place and (owner is not None or word.lower() in _DEMONYM_WORDS or word[0].isupper()):
            return place
    return None


_DEMONYM_WORDS = {"indian", "chinese", "german", "french", "british", "israeli", "european"}


def location_in(text: str, company: str | None) -> str | None:
    """A place the text gives for the company: "Berlin-based", "headquartered in Paris"."""
    m = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)-based\b", text)
    if m and place_name(m.group(1)):
        return place_name(m.group(1))
    m = re.search(r"\b(?:based|headquartered|located) in ([A-Z][\w.]*(?: [A-Z][\w.]*)?)", text)
    if m and place_name(m.group(1)):
        return place_name(m.group(1))
    return None
