"""Funding news in German, French, Spanish, Portuguese and Italian.

The headline shape is the English one (a company, a funding verb, an amount, a round, "led by"
someone), so one reader serves all five; what differs is the words, kept per language in
`LEXICON`: "sammelt 160 Millionen Euro ein", "lève 92 millions d'euros", "recauda 10 millones de
euros", "capta R$ 50 milhões", "raccoglie 20 milioni". German capitalises every noun, so a
company is the capitalised run right before the verb once descriptions ("Drohnenhersteller",
"la startup française") are dropped. The result is the same Extraction English stories give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.euro_money import EuroMoney, find_euro_money
from bot.extract.listed import is_listed
from bot.extract.places import place_name
from bot.extract.rates import to_usd
from bot.extract.rules import first
from bot.models import Extraction


@dataclass(frozen=True)
class Lexicon:
    funding: re.Pattern[str]  # the verb of a raise (completed unless a rumour cue says not)
    investor: re.Pattern[str]  # an investor as subject: "X investiert in Y" → Y after it
    rumor: re.Pattern[str]
    not_deal: re.Pattern[str]  # funds, totals, IPOs, takeovers
    lead: re.Pattern[str]  # "angeführt von X": X is group 1
    descriptors: re.Pattern[str]  # words that describe, never name
    other_kinds: tuple[tuple[str, re.Pattern[str]], ...] = ()  # ("acquisition", …), ("ipo", …)
    # verbs that also mean other things ("cierra 2025 con …", "schließt Werk"): a raise only
    # with a financing word in the headline
    weak: re.Pattern[str] = re.compile(r"(?!)")
    financing: re.Pattern[str] = re.compile(r"(?!)")
    # a new valuation or unicorn said as news ("Doctolib devient une licorne", "Personio
    # steigert Bewertung auf 8,5 Milliarden Dollar"): a round set it
    valuation: re.Pattern[str] = re.compile(r"(?!)")
    # investors who joined, not led ("auprès de X", "unter Beteiligung von X"): X is group 1
    backers: re.Pattern[str] = re.compile(r"(?!)")


def _words(*alternatives: str) -> str:
    return "|".join(alternatives)


_NAME = (  # connectors ("Banco do Brasil", "Casa de Papel") only between capitalised words
    r"[A-ZÀ-ÞŸ0-9][\w.&'’+-]*(?:\s(?:[A-ZÀ-ÞŸ0-9][\w.&'’+-]*|&|(?:de|da|do|di|von|van|del)"
    r"(?=\s[A-ZÀ-ÞŸ])))*"
)

# one company told by what it is, ending on a startup noun: "Münchner Startup", "l'assurtech",
# "Berliner KI-Startup" (up to two words before it)
_STARTUP_DESCRIPTION = (
    r"(?:[\wÀ-ÿ-]+\s+){0,2}?[\wÀ-ÿ-]*(?i:startup|start-up|fintech|proptech|insurtech|assurtech"
    r"|biotech|legaltech|edtech|healthtech|firma|unternehmen|plattform|plateforme|piattaforma"
    r"|scale-?up|pépite|licorne|néobanque|empresa)(?![\w-])"
)

# a firm's own fund ("lance un fonds de 200 millions", "nouveau fonds"), not "levée de fonds",
# nor a fund named as an investor ("auprès de Kering et du fonds Tiger")
_FR_FUND = (
    r"(?<!levée de )(?<!lever des )(?<!du )(?<!le )(?<!d'un )(?<!d’un )\bfonds\b"
    r"(?! de roulement)(?! [A-Z])"
)

# a firm's own fund ("lanza un fondo de 100 millones", "novo fundo", "chiude il fondo"), not a
# fund named as an investor ("da entrada al fondo de Abu Dabi", "Fundo de capital de risco investe")
_OWN_FUND = (
    r"(?i:\b(?:lanza|crea|cierra|presenta|anuncia|nuevo|primer|segundo|tercer|lança|cria|novo"
    r"|primeiro|segundo|lancia|chiude|nuovo|primo|secondo)\s+(?:\w+\s+){0,2}?(?:fondo|fundo)s?\b"
    r"|\b(?:fondo|fundo)s?\s+(?:de|di)\s+(?:[\d.,]+\s+)(?:millones|milhões|milioni|mil)"
    r"|\bfondos?\s+de\s+(?:inversión|capital riesgo|venture)\b(?!.{0,40}\b(?:invierte|lidera|entra))"
    r"|\bmegafondo|\b(?:su|seu|il suo) (?:mega)?(?:fondo|fundo)\b"
    # French, German and Dutch: "son troisième fonds d'amorçage", "neuen Fonds", "nieuw fonds"
    r"|\b(?:son|nouveau|premier|deuxième|troisième|quatrième|cinquième)\s+(?:\w+\s+){0,2}?fonds\b"
    r"|\b(?:neuen|ersten|zweiten|dritten|vierten)\s+(?:\w+\s+){0,2}?Fonds\b"
    r"|\b(?:nieuw|eerste|tweede|derde)\s+(?:\w+\s+){0,2}?fonds\b"
    r"|\b(?:para invertir en|pour investir dans|para investir em|per investire in)\b)"
)

LEXICON = {
    "de": Lexicon(
        funding=re.compile(
            r"\b(?:sammelt|sammeln|sammelte|holt sich|holt|erhält|erhalten|bekommt|sichert sich"
            r"|sichert|schließt|schliesst|gewinnt|kassiert|streicht|landet|verbucht|stemmt)\b"
            r"|\bFinanzierungsrunde\b|\bMillionen-Finanzierung\b|\b(?:Series|Serie)-[A-H]-Runde\b"
            r"|\beinsammeln\b|\beingesammelt\b|\bin Gesprächen\b|\bGeldspritze\b"
            r"|\bKapitalspritze\b|\bbekommen\b|\bnächste Finanzierungsrunde\b|\bKapitalerhöhung\b"
        ),
        investor=re.compile(
            r"\b(?:investiert|investieren|steigt|steigen|beteiligt sich|beteiligen sich|führt"
            r"|Investment|stecken|steckt|pumpen|pumpt)"
            # an article only before a described startup ("in das Hamburger Startup Kiron"):
            # German capitalises every noun, "in die Fabrik" names no company
            r"\s+(?:(?!(?:in|bei|an)\s)\S+\s+){0,5}?(?:in|bei|an)\s+"
            r"(?:(?:das|den|die|dem|der)\s+(?=" + _STARTUP_DESCRIPTION + r"\s+[A-ZÀ-ÞŸ]))?"
            # "in deutsches Krisen-Startup": an adjective before a described startup
            r"(?:[a-zäöüß]+\s+(?=[\wÀ-ÿ-]*[Ss]tart-?up\b))?"
            r"(?P<target>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
        ),
        rumor=re.compile(
            r"\b(?:will|wollen|plant|planen|soll|sollen|in Gesprächen|verhandelt|sucht|wohl|steht vor"
            r"|auf der Suche|offenbar|strebt|angeblich\w*)\b"
        ),
        not_deal=re.compile(
            r"\bFonds\b|\bBörsengang|\bIPO\b|\bübernimmt\b|\bÜbernahme\b|\bkauft\b"
            r"|\bStartups?\b.{0,30}\b(?:erhalten|sammeln)\b.{0,30}\b(?:Milliarden|insgesamt)"
            r"|\b(?i:deutsche Start-?ups)\b|\bim Jahr\b|\bin 20\d\d\b|\bheuer\b|\bRekordsumme\b"
            r"|\b(?:Euro|Dollar)\s+20\d\d\b"
        ),
        lead=re.compile(
            r"(?:(?i:angeführt) von|unter (?:der )?Führung von|(?i:angeführt) wird die Runde von"
            r"|Lead-Investor(?:en)? (?:ist|sind|war|waren))\s+(" + _NAME + ")"
            r"|(" + _NAME + r") führt die (?:\w+ )?Runde an"
        ),
        backers=re.compile(
            r"(?:unter Beteiligung (?:von|der|des)|mit Beteiligung (?:von|der|des)"
            r"|Investoren (?:sind|waren|wie)|Geldgeber (?:sind|waren)|(?i:mit) dabei (?:sind|waren)"
            r"|(?:Euro|Dollar|Franken|Geld|Kapital|Millionen|Milliarden?) von)"
            r"\s+(?:auch\s+)?(?:(?:den|der|dem|die|des)\s+)?(" + _NAME + ")"
        ),
        descriptors=re.compile(
            r"^(?:[\w-]*(?:hersteller|anbieter|startup|start-up|unternehmen|firma|plattform"
            r"|spezialist|entwickler|dienstleister|betreiber|verleiher|konzern|fintech|insurtech"
            r"|proptech|biotech|legaltech|-bank|-app|versicherer|händler|lieferdienst)"
            r"|.+-(?:KI|Startup|Start-up|Firma|Unternehmen)|KI-.+"
            r"|Schweizer|Deutsche[rs]?|Berliner|Münchner|Hamburger"
            r"|Kölner|Wiener|Zürcher|Österreichische[rs]?|KI|E-Scooter\w*|Das|Die|Der|Neue[rs]?"
            r"|Frische[rs]?)$",
            re.I,
        ),
        weak=re.compile(r"^(?:schließt|schliesst|gewinnt|landet|verbucht|stemmt|streicht)$"),
        financing=re.compile(
            r"Finanzierung|Runde|Investment|Kapital|Seed|Series|Serie|Millionen|Geld|Förderung",
            re.I,
        ),
        valuation=re.compile(r"\bEinhorn\b|\bBewertung\b|\bbewertet\b|\bwert\b"),
        other_kinds=(
            ("acquisition", re.compile(r"\bübernimmt\b|\bÜbernahme\b|\bkauft\b")),
            ("ipo", re.compile(r"\bBörsengang\b|\bIPO\b|\bbörsennotiert")),
            ("fund", re.compile(r"\bFonds\b")),
        ),
    ),
    "fr": Lexicon(
        funding=re.compile(
            r"\b(?:lève|lèvent|levé|levés|boucle|réalise|obtient|décroche|sécurise|annonce une levée"
            r"|finalise|empoche|récolte|s'offre|lever|collecte|collectent|rafle|engrange|glane)\b"
            r"|\blevée de fonds\b|\btour de table\b|\bmène la levée\b|\blevée de (?=\d)"
            r"|\baugmentation de capital\b",
            re.I,  # "Actionable Lève 2 Millions D'Euros": Title Case headlines
        ),
        investor=re.compile(
            r"\b(?:investit|investissent|mise|misent|parie|entre au capital|mène la levée)\s+"
            r"(?:\S+\s+){0,4}?"
            r"(?:dans|sur|de|en)\s+(?P<target>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
        ),
        rumor=re.compile(
            r"\ben (?:discussions?|négociations?)\b|\bserait\b|\bchercherait\b|\bsouhaite\b"
            r"|\ben passe de\b|\bveut lever\b|\bpourrait\b|\bproche d(?:es?|u)\b"
        ),
        not_deal=re.compile(
            rf"{_FR_FUND}|\bintroduction en bourse\b|\bIPO\b|\brach[eè]te\b"
            r"|\brachat\b|\bacquisition\b|\bles (?:start-?up|entreprises|jeunes pousses|sociétés"
            r"|licornes)\w*\b|(?<!de la )\bFrench Tech\b(?!\s*:\s*(?:la start-?up \w+ )?[A-Z][\w-]*\s+(?:lève|boucle"
            r"|obtient|décroche|collecte|réalise))|\ben (?:janvier"
            r"|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b",
            re.I,
        ),
        lead=re.compile(
            r"(?i:men[ée]e? par|emmen[ée]e? par|pilot[ée]e? par|conduite? par)\s+(" + _NAME + ")"
        ),
        backers=re.compile(
            r"(?i:auprès|avec la participation|aux côtés)\s+(?:de la |de l'|de l’|des |du |de |d'|d’)"
            r"(" + _NAME + ")"
        ),
        descriptors=re.compile(
            r"^(?:la|le|les|l'|startup|start-up|jeune|pousse|pépite|licorne|société|entreprise"
            r"|plateforme|fintech|insurtech|biotech|française|français|parisienne|parisien"
            r"|lyonnaise|lyonnais|nantaise|spécialiste|éditeur|fabricant|assureur|santé|néobanque"
            r"|nouvelle|nouveau|nouvel)$",
            re.I,
        ),
        weak=re.compile(r"^(?:boucle|réalise|obtient|décroche|sécurise|finalise|empoche|récolte)$"),
        financing=re.compile(
            r"levée|tour de table|financement|série|amorçage|fonds|investiss", re.I
        ),
        valuation=re.compile(r"\blicornes?\b|\bvaloris(?:ation|ée?s?)\b", re.I),
        other_kinds=(
            ("acquisition", re.compile(r"\brach[eè]te\b|\brachat\b|\bacquiert\b|\bacquisition\b")),
            ("ipo", re.compile(r"\bintroduction en bourse\b|\bIPO\b")),
            ("fund", re.compile(_FR_FUND)),
        ),
    ),
    "es": Lexicon(
        funding=re.compile(
            r"\b(?:recauda|recaudó|levanta|levantó|capta|captó|obtiene|obtuvo|cierra|cerró|consigue"
            r"|logra|asegura|suma|amplía|completa|recibe|recibió"
            r"|(?:ha|han) (?:cerrado|levantado|captado|recaudado|conseguido|obtenido|logrado"
            r"|completado|recibido|asegurado))\b"
            r"|\badquiere (?=(?:más de |casi )?(?:US\$|[€$])?\s?\d[\d.,]*\s?millones de (?:dólares|euros))"
            r"|\bronda de (?:financiación|financiamiento|inversión)\b|\b(?i:ampliación de capital)\b"
        ),
        investor=re.compile(
            r"\b(?:invierte|invierten|entra en el capital de|apuesta por|inyecta)\s+(?:\S+\s+){0,4}?"
            r"(?:en|de|por)?\s*(?P<target>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
        ),
        rumor=re.compile(
            r"\bbusca\b|\bnegocia\b|\ben conversaciones\b|\bprepara\b|\bplanea\b|\bultima\b"
            r"|\blanza\b(?=.{0,20}ronda)"
        ),
        not_deal=re.compile(
            _OWN_FUND + r"|\bsalida a bolsa\b|\bOPV\b|\bIPO\b|\badquiere\b|\bcompra\b"
            r"|\bstartups\b.{0,40}\b(?:inversión|millones)\b|\bcierra 20\d\d\b|\ben 20\d\d\b"
            r"|\binversión en\b|\b(?:las|los) (?:startups|empresas)\b",
            re.I,
        ),
        lead=re.compile(r"(?i:liderada por|encabezada por|lidera(?:da)? por)\s+(" + _NAME + ")"),
        backers=re.compile(
            r"(?i:con la participación de|de la mano de|con el apoyo de)\s+(?:(?:los|las|el|la)\s+)?"
            r"(" + _NAME + ")"
        ),
        descriptors=re.compile(
            r"^(?:la|el|los|las|startup|start-up|empresa|compañía|plataforma|fintech|insurtech"
            r"|proptech|biotech|española|español|madrileña|barcelonesa|mexicana|colombiana"
            r"|argentina|chilena|valenciana|nueva|nuevo)$",
            re.I,
        ),
        weak=re.compile(
            r"^(?:obtiene|obtuvo|cierra|cerró|consigue|logra|asegura|suma|amplía|completa|recibe"
            r"|recibió|(?:ha|han) (?:cerrado|obtenido|conseguido|logrado|completado|recibido"
            r"|asegurado))$"
        ),
        financing=re.compile(
            r"ronda|financiación|financiamiento|inversión|serie|semilla|capital|crédito", re.I
        ),
        valuation=re.compile(
            r"\bunicornios?\b|\bval(?:uación|oración|uada|orada|uado|orado)\b|\bavalúa\b"
            r"|\bavaluada\b",
            re.I,
        ),
        other_kinds=(
            ("acquisition", re.compile(r"\badquiere\b|\bcompra\b|\badquisición\b")),
            ("ipo", re.compile(r"\bsalida a bolsa\b|\bOPV\b|\bIPO\b")),
            ("fund", re.compile(_OWN_FUND)),
        ),
    ),
    "pt": Lexicon(
        funding=re.compile(
            r"\b(?:capta|captou|levanta|levantou|recebe|recebeu|arrecada|arrecadou|angaria|angariou"
            r"|conclui|fecha|obtém|anuncia rodada|garante)\b"
            r"|\brodada\b|\baporte\b|\bronda de (?:investimento|financiamento)\b"
            r"|\b(?i:aumento de capital)\b"
        ),
        investor=re.compile(
            r"\b(?:investe|investem|aposta em|entra no capital d[ae])\s+(?:\S+\s+){0,4}?(?:em|n[ao])?\s*"
            r"(?P<target>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
        ),
        rumor=re.compile(r"\bbusca\b|\bnegocia\b|\bem conversas\b|\bprepara\b|\bplaneja\b"),
        not_deal=re.compile(
            _OWN_FUND + r"|\bIPO\b|\bbolsa\b|\badquire\b|\bcompra\b|\bstartups\b|\binvestimentos\b"
            r"|\bunicórnio no\b",
            re.I,
        ),
        lead=re.compile(
            r"(?i:liderad[ao] p(?:or|el[ao])|encabeçad[ao] p(?:or|el[ao]))\s+(" + _NAME + ")"
        ),
        backers=re.compile(
            r"(?:(?i:com (?:a )?participação d[aeo]s?|contou com (?:a participação d[aeo]s? )?)"
            r"|(?:milhões|milhão|bilhões|bilhão|mi|bi)\s+(?:de (?:reais|dólares)\s+)?com)\s*"
            r"(?:(?:a|o)\s+)?(" + _NAME + ")"
        ),
        descriptors=re.compile(
            r"^(?:a|o|startup|empresa|plataforma|fintech|healthtech|insurtech|brasileira|brasileiro"
            r"|portuguesa|português|paulistana|unicórnio|nova|novo)$",
            re.I,
        ),
        weak=re.compile(r"^(?:recebe|recebeu|conclui|fecha|obtém|garante)$"),
        financing=re.compile(
            r"rodada|ronda|aporte|investimento|financiamento|série|seed|crédito|milh|bilh", re.I
        ),
        valuation=re.compile(r"\bunicórnios?\b|\bavaliad[ao]\b|\bavaliação\b|\bvaluation\b", re.I),
        other_kinds=(
            ("acquisition", re.compile(r"\badquire\b|\bcompra\b|\baquisição\b")),
            ("ipo", re.compile(r"\bIPO\b|\babertura de capital\b")),
            ("fund", re.compile(_OWN_FUND)),
        ),
    ),
    "it": Lexicon(
        funding=re.compile(
            r"\b(?:raccoglie|ha raccolto|chiude|ottiene|incassa|annuncia un round|completa)\b"
            r"|\b(?i:aumento di capitale)\b"
        ),
        investor=re.compile(
            r"\b(?:investe|investono|punta su)\s+(?:\S+\s+){0,4}?(?:in|su)?\s*(?P<target>"
            + _NAME
            + ")"
        ),
        rumor=re.compile(
            r"\bcerca\b|\btratta\b|\bin trattative\b|\bpunta a raccogliere\b"
            r"|\blancia\b(?=.{0,30}\bround\b)"  # "lancia il secondo round": under way
        ),
        not_deal=re.compile(_OWN_FUND + r"|\bIPO\b|\bquotazione\b|\bacquisisce\b|\bcompra\b", re.I),
        lead=re.compile(r"(?i:guidato da|guidata da|con capofila)\s+(" + _NAME + ")"),
        backers=re.compile(
            r"(?i:con la partecipazione d[ie]|con il supporto d[ie]|sottoscritto da)\s+"
            r"(?:(?:il|lo|la|i|gli|le)\s+)?(" + _NAME + ")"
        ),
        descriptors=re.compile(
            r"^(?:la|il|lo|startup|società|azienda|piattaforma|fintech|italiana|milanese|torinese"
            r"|nuova|nuovo)$",
            re.I,
        ),
        weak=re.compile(r"^(?:chiude|ottiene|completa)$"),
        financing=re.compile(r"round|finanziamento|investimento|serie|seed", re.I),
        valuation=re.compile(r"\bunicorn[oi]\b|\bvalutazione\b|\bvale\b", re.I),
        other_kinds=(
            ("acquisition", re.compile(r"\bacquisisce\b|\bcompra\b")),
            ("ipo", re.compile(r"\bIPO\b|\bquotazione\b")),
            ("fund", re.compile(_OWN_FUND)),
        ),
    ),
    "nl": Lexicon(
        funding=re.compile(
            r"\b(?:haalt|halen|haalde|haalden|opgehaald|ophalen|krijgt|krijgen|kreeg|ontvangt"
            r"|ontvangen|ontving|sluit|rondt|verzamelt|regelt|strijkt|scoort|scoorde|binnenhaalt)\b"
            r"|\b(?:financierings|investerings|kapitaal)ronde\b|\bkapitaalinjectie\b|\bgroeigeld\b"
            r"|\bkapitaalsverhoging\b"
        ),
        investor=re.compile(
            r"\b(?:investeert|investeren|steekt|steken|stapt in|stappen in)\s+(?:\S+\s+){0,4}?"
            r"(?:in|bij)\s+(?P<target>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
        ),
        rumor=re.compile(
            r"\bwil\b|\bwillen\b|\bin gesprek\b|\bonderhandelt\b|\bzoekt\b|\bzou\b|\bplant\b"
            r"|\boverweegt\b"
        ),
        not_deal=re.compile(
            _OWN_FUND + r"|\bbeursgang\b|\bIPO\b"
            r"|\bovername\b|\bneemt\b.{0,40}\bover\b|\bkoopt\b"
            r"|\b(?:de|Nederlandse|Belgische|Vlaamse) (?:startups|start-ups|scale-ups)\b"
            r"|\bin 20\d\d\b",
            re.I,
        ),
        lead=re.compile(
            r"(?i:onder leiding van|geleid door|aangevoerd door)\s+(?:(?:de|het)\s+)?("
            + _NAME
            + ")"
        ),
        backers=re.compile(
            r"(?:(?i:met deelname van|met steun van|samen met)|\bop bij)\s+(?:(?:de|het)\s+)?"
            r"(" + _NAME + ")"
        ),
        descriptors=re.compile(
            r"^(?:de|het|een|startup|start-up|scale-up|scaleup|bedrijf|platform|fintech|insurtech"
            r"|nederlandse|nederlands|amsterdamse|rotterdamse|utrechtse|belgische|vlaamse"
            r"|nieuwe|nieuw|[\w-]*(?:startup|start-up|bedrijf|platform|scale-up)|.+maker)$",
            re.I,
        ),
        weak=re.compile(
            r"^(?:haalt|halen|haalde|haalden|krijgt|krijgen|kreeg|ontvangt|ontvangen|ontving|sluit"
            r"|rondt|regelt|strijkt|scoort|scoorde)$"
        ),
        financing=re.compile(
            r"financiering|ronde|investering|kapitaal|seed|serie|series|miljoen|miljard|geld",
            re.I,
        ),
        valuation=re.compile(r"\beenhoorn\b|\bwaardering\b|\bgewaardeerd\b", re.I),
        other_kinds=(
            ("acquisition", re.compile(r"\bovername\b|\bneemt\b.{0,40}\bover\b|\bkoopt\b")),
            ("ipo", re.compile(r"\bbeursgang\b|\bIPO\b|\bbeursnotering\b")),
            ("fund", re.compile(_OWN_FUND)),
        ),
    ),
}

# any of these readers' funding words: a headline in plain ASCII that uses one is worth asking the
# language detector about ("Quantum Systems sammelt 160 Millionen Euro ein"). Rumour words are
# left out: German "will" and "plant" are English words too.
FOREIGN_FUNDING = re.compile(
    "|".join(
        "(?:" + p.pattern.replace("(?P<target>", "(?:") + ")"
        for lexicon in LEXICON.values()
        for p in (lexicon.funding, lexicon.investor)
    )
    # valuation words no English headline uses ("wert", "vale" are left out: English has them)
    + r"|\b(?:Bewertung|Einhorn|licorne|valorisation|unicornio|unicórnio|unicorno|valoración"
    r"|valuación|avaliação|avaliad[ao]|valutazione|Millionen|Milliarden?|millones|milhões|milioni"
    r"|unicornios|unicórnios|licornes|unicorni|Einhörner"
    r"|Mio\.|Mrd\.|millions? d['’]euros|millions? de dollars|milliards? d['’]euros)"
)

# --- round and names ----------------------------------------------------------------------

_ROUND = re.compile(
    r"(?P<pre>pre-?|pré-?)?(?:series|serie|série|serie)[\s-](?P<letter>[A-H])\b"
    r"|(?P<seed>seed|amorçage|semilla|semente|presemilla|pré-?seed|pre-?seed)"
    r"|(?P<growth>Wachstumsfinanzierung|growth)"
    r"|(?P<debt>Kredit|prêt|dette|deuda|préstamo|dívida|debito|línea de crédito|linha de crédito"
    r"|crédito)",
    re.I,
)


def _round(text: str) -> str | None:
    m = _ROUND.search(text)
    if not m:
        return None
    if m.group("letter"):
        if m.group("pre"):
            return "pre-series-a" if m.group("letter").lower() == "a" else None
        return f"series-{m.group('letter').lower()}"
    if m.group("seed"):
        word = m.group("seed").lower()
        return "pre-seed" if word.startswith(("pre", "pré")) or word == "presemilla" else "seed"
    if m.group("growth"):
        return "growth"
    return "debt"


@dataclass(frozen=True)
class EuroStory:
    language: str
    lexicon: Lexicon
    title: str
    summary: str
    sentences: tuple[str, ...] = ()  # the summary's first three sentences, split once
    lead: str = ""  # the first two, as one text of at most 600 characters


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def read_euro(title: str, summary: str, language: str, lexicon: Lexicon) -> EuroStory:
    sentences = tuple(_SENTENCE.split(summary, maxsplit=3)[:3])
    return EuroStory(language, lexicon, title, summary, sentences, " ".join(sentences[:2])[:600])


def _subject(s: EuroStory) -> str | None:
    """The capitalised run right before the funding verb, descriptions dropped; in a rumour,
    before its cue ("Mistral AI soll in Gesprächen …", "Mistral AI serait en discussions …")."""
    m = s.lexicon.funding.search(s.title)
    if m and re.match(r"\s?:\s", s.title[m.end() :]):
        m = s.lexicon.funding.search(s.title, m.end() + 1)  # "Series-B-Runde: Parloa sammelt"
    if not m:
        return None
    before = s.title[: m.start()]
    if re.search(r"\s:\s*$|:\s*$", before):
        return None  # "Gigafactory à Dunkerque : levée de fonds … pour Verkor": a rubric
    perfect = re.search(r"\s(?:hat|haben)\s", before) if s.language == "de" else None
    if perfect:
        before = before[: perfect.start()]  # the subject stands before the auxiliary
    cue = s.lexicon.rumor.search(before)
    return _name_before(before[: cue.start()] if cue else before, s.lexicon)


def _name_before(text: str, lexicon: Lexicon) -> str | None:
    text = re.sub(r"\s*\([^()]{1,60}\)\s*$", "", text)  # "Coolset (voorheen Greencast) haalt"
    # an auxiliary of a perfect tense before the verb: "Jobandtalent ha cerrado", "Ledger a levé"
    text = re.sub(r"\s(?:ha|han|a|ont|hanno|tem|têm|heeft|hebben|hat|haben)\s*$", " ", text)
    words = re.sub(r"[,:;–—]\s*$", "", text.strip()).split()
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip("„“”\"'‘’«»()")
        if word.endswith(":"):
            break  # "Trotz Zoff mit der Finanzaufsicht: Smartphone-Bank N26": a rubric ends there
        if (
            not bare
            or not (bare[0].isupper() or bare[0].isdigit())
            or lexicon.descriptors.match(bare)
        ):
            break
        run.insert(0, bare)
        if len(run) >= 4:
            break
    if run and len(words) > len(run):
        before = words[-len(run) - 1].lower()
        if before in _GENITIVE:  # "O novo aporte do Softbank na Loggi": Softbank is a backer
            return None
        if before in _FROM_PLACE:  # "Volocopter aus Bruchsal hat …": the place, then the name
            return _name_before(" ".join(words[: -len(run) - 1]), lexicon)
    name = " ".join(run)
    if not name or (len(run) == 1 and (name.lower() in _OPENING_WORDS or _is_place(name))):
        return None  # "Une levée de fonds …", "… de España en ser unicornio": no name
    return name


_FROM_PLACE = frozenset({"aus"})


_GENITIVE = frozenset({"de", "do", "da", "dos", "das", "del", "della", "di", "von", "des", "du"})


def _leading_subject(s: EuroStory) -> str | None:
    """ "E-Scooterverleiher Voi erreicht Rentabilität und sichert 30 Mio. Dollar": the subject
    of two joined clauses starts the headline."""
    m = s.lexicon.funding.search(s.title)
    if not m or not re.search(r"\s(?:und|et|y|e|ed)\s", s.title[: m.start()]):
        return None
    run: list[str] = []
    for word in s.title.split():
        bare = word.strip("„“”\"'‘’«»(),:")
        if not run and (s.lexicon.descriptors.match(bare) or not bare[:1].isupper()):
            continue
        if not bare[:1].isupper() and not bare[:1].isdigit():
            break
        run.append(bare)
        if len(run) >= 3 or word.endswith(","):
            break
    # German capitalises nouns: the run ends where a verb-like lowercase word would follow
    return " ".join(run[:1] if s.language == "de" else run) or None


def _valuation_subject(s: EuroStory) -> str | None:
    m = s.lexicon.valuation.search(s.title)
    if not m:
        return None
    before = s.title[: m.start()]
    near = re.search(r"(" + _NAME + r")(?:\s+[a-zà-ÿ'’]+){0,4}\s*$", before)
    name = _name_before(near.group(1), s.lexicon) if near else None
    return name or _leading_name(s.title, s.lexicon)


_LEADING_NAME = re.compile(
    r"^\s*(" + _NAME + r")\s*(?:[,:–—-]\s|\s(?:é|est|es|ist|è|wird|devient|se torna|hat)\b)"
)


def _leading_name(title: str, lexicon: Lexicon | None = None) -> str | None:
    """ "Sorare - Fantasy-Fußball-Plattform sammelt …", "Wave, licorne africaine, lève …",
    "Nubank é o terceiro unicórnio": the headline opens with the name."""
    texts = [re.sub(r"^[^:]{2,40}\s:\s", "", title)]  # "Mobile Money : Wave, licorne …"
    if not re.search(r":\s*[«“\"]", title):  # "Philippe Méchin : « … »": a speaker, not a name
        texts.append(title)  # "Mistral AI : 385 millions levés …"
    for text in texts:
        m = _LEADING_NAME.match(text)
        if not m or len(m.group(1).split()) > 3 or _ABOUT_MONEY.search(m.group(1)):
            continue  # "Milliardenbewertung: …", "Valoración de Kavak …": a topic, not a name
        if lexicon is not None and lexicon.descriptors.match(m.group(1)):
            return None  # "Start-up: Software-Spezialist Personio …": a rubric, not a name
        if lexicon is not None:
            return _undescribed(m.group(1), lexicon)  # "Kölner Startup Gorillas wird …"
        return m.group(1)
    return None


# words about money or worth that open a headline where a name might stand
_ABOUT_MONEY = re.compile(
    r"(?i)^(?:\w*bewertung|valoración|valorisation|valutazione|avaliação|\w*finanzierung\w*"
    r"|levée|financiación|financiamento|finanziamento|einhorn|licorne|unicornio|unicórnio|aumento"
    r"|ampliación|augmentation|Kapitalerhöhung|ronda|rodada|round|series|serie|\w*runde)\b"
)


def _investor_target(s: EuroStory) -> str | None:
    """ "Milliardär investiert in Mobilitätsdienst Via" → Via; "… investiert in Startup" names
    none (the summary may)."""
    m = s.lexicon.investor.search(s.title)
    return _undescribed(m.group("target"), s.lexicon) if m else None


def _undescribed(name: str, lexicon: Lexicon) -> str | None:
    """A name without the descriptions before it; None when only descriptions are left."""
    words = name.split()
    while words and (
        lexicon.descriptors.match(words[0].strip("‘’'")) or _DESCRIBING.search(words[0])
    ):
        words.pop(0)
    return " ".join(words) or None


# German compound descriptions: "Mobilitätsdienst", "Quark-Startup", "Pharma-Startup"
_DESCRIBING = re.compile(r"(?i)(?:dienst|-startup|-start-up|startup|-app|-firma|-unternehmen)$")


def _summary_subject(s: EuroStory) -> str | None:
    for sentence in s.sentences[:2]:
        m = s.lexicon.funding.search(sentence)
        if m:
            name = _name_before(sentence[: m.start()], s.lexicon)
            if name:
                return name
    return None


# "Das Berliner Startup Meditopia hat …", "La empresa emergente de pagos mexicana Clip …": a
# description, a few lowercase words, then the name (not a place after "aus", "de", "in" …)
_DESCRIBED_NAME = re.compile(
    r"\b(?:[Ss]tart-?[Uu]ps?|Jungunternehmen|Unternehmen|Firma|Plattform|Fintech|[Ee]mpresa"
    r"(?: emergente)?|[Pp]lataforma|[Ss]ociété|[Ee]ntreprise|[Jj]eune pousse|[Pp]épite|[Ff]intech"
    r"|[Aa]zienda|[Ss]ocietà|[Pp]iattaforma|[Ss]cale-?up|[Nn]éobanque|[Nn]eobank)"
    r"(?P<between>(?:\s+[a-zà-ÿ][\w'’-]*){0,5})\s+[„“\"«‘]?\s?(?P<name>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
)
_PLACE_BEFORE = frozenset(
    """
    aus in im von mit für de à en au aux du des di da del do dos na no em per pour para par por
    pelo pela
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _summary_described(s: EuroStory) -> str | None:
    """The headline only describes ("Berliner Meditations-App erhält 13 Millionen Euro"); the
    summary's first sentences name the company after its description."""
    for m in _DESCRIBED_NAME.finditer(s.lead):
        between = m.group("between").split()
        if between and between[-1].lower() in _PLACE_BEFORE:
            continue
        name = _undescribed(m.group("name"), s.lexicon)
        if name and len(name.split()) <= 3 and name.split()[0].lower() not in _OPENING_WORDS:
            return name
    return None


def _just_raised_name(s: EuroStory) -> str | None:
    """ "Qonto vient de lever …", "… que vient de lever ManoMano": the name beside the summary's
    "just raised"."""
    m = _JUST_RAISED.search(s.summary[:800])
    if not m:
        return None
    sentence_start = max(s.summary.rfind(". ", 0, m.start()) + 2, 0)
    before = s.summary[sentence_start : m.start()]
    if re.search(r"\bque\s*$", before):  # inverted: the name follows the money
        after = re.search(
            r"^(?:[^.]{0,60}?(?:euros|dollars|d['’]euros))?\s+(" + _NAME + ")", s.summary[m.end() :]
        )
        return after.group(1) if after else None
    return _name_before(before, s.lexicon)


# "200 Millionen Euro für Flink", "Más dinero para Glovo", "2 milioni di euro a D-Orbit"
_FOR_NAME = re.compile(
    r"\s+(?:für|pour|para|per|a|à)\s+(?:la\s+|el\s+|le\s+|die\s+|den\s+|l['’])?"
    r"(?P<name>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
)
_MONEY_WORDS = re.compile(r"(?i)\b(?:Geld|dinero|argent|dinheiro|soldi|capital|Kapital)\b")


# "Millionen für das Münchner Startup Celonis", "Zehn Millionen Euro für Berliner Proptech":
# money for a company told by its description (a name after it, or none)
_FOR_DESCRIBED = re.compile(
    r"(?:(?i:millionen|millionenfinanzierung|millionen-finanzierung|millionen-investment|geld"
    r"|kapital)|(?<=\d\s)(?i:millionen|milliarden?)(?:\s(?i:euro|dollar|franken))?"
    r"|(?i:millionen|milliarden?)\s(?i:euro|dollar|franken))"
    r"\s+für\s+(?:das|den|die|dem|der|ein|eine|einen)?\s*"
    r"(?P<desc>" + _STARTUP_DESCRIPTION + r")(?:\s+(?P<name>(?=[A-ZÀ-ÞŸ])" + _NAME + "))?"
)
# "Celonis: 1 Milliarde Dollar für das Münchner Startup", "Aleph Alpha: 500 Millionen Dollar von
# Bosch und SAP": the name, a colon, then the money
_NAME_COLON_MONEY = re.compile(
    r"^\s*(" + _NAME + r")\s?:\s+(?=(?:\d|[€$]|(?i:zehn|fünf|zwei|drei|eine?)\s))"
)
# what follows such money: "für das Münchner Startup", "von Bosch und SAP"
_FOR_OR_FROM = re.compile(
    r"\s+(?:(?:für|pour|para|per)\s+(?:das|den|die|dem|ein|eine|einen|la|le|l'|l’|el|a|o|il|lo)?"
    r"\s*" + _STARTUP_DESCRIPTION + r"|(?:von|de|auprès de|com|con|da)\s+(?=[A-ZÀ-ÞŸ]))"
)
# "Neues Geld für Flink: Lieferdienst sammelt …", "Kapital für N26: Die Smartphone-Bank …"
_MONEY_FOR_RUBRIC = re.compile(
    r"^\s*(?:(?i:neues|frisches|mehr)\s+)?(?:Geld|Kapital|Millionen\w*|Finanzierung|Investment)"
    r"\s+für\s+(" + _NAME + r")\s?:"
)


def _money_for(s: EuroStory) -> str | None:
    """Money given to a company, without a verb: the company it goes to."""
    if s.language == "de":
        rubric = _MONEY_FOR_RUBRIC.match(s.title)
        # only a rubric over a raise told after it, and a name, not a noun ("Geld für Forschung:")
        if (
            rubric
            and s.lexicon.funding.search(s.title, rubric.end())
            and not _GERMAN_NOUN.search(rubric.group(1).split()[0])
        ):
            return rubric.group(1)
        described = _FOR_DESCRIBED.search(s.title)
        if described and described.group("name"):
            return described.group("name").rstrip(".:,")
    named = _NAME_COLON_MONEY.match(s.title)
    rest = s.title[named.end() :] if named else ""
    money = find_euro_money(rest)
    if (
        named
        and money
        and money[0].start == 0
        and _FOR_OR_FROM.match(rest, money[0].end)
        and not _ABOUT_MONEY.search(named.group(1))
        and not is_listed(named.group(1))
    ):
        name = _undescribed(named.group(1), s.lexicon)
        if name and not _is_place(name):
            return name
    spans = [(m.start, m.end) for m in find_euro_money(s.title)]
    if s.language != "de":  # German capitalises every noun: "Geld für Forschung" names no one
        spans += [(m.start(), m.end()) for m in _MONEY_WORDS.finditer(s.title)]
    for _, end in spans:
        m = _FOR_NAME.match(s.title, end)
        name = m.group("name").rstrip(".:,") if m else ""
        if (
            name
            and len(name.split()) <= 3
            and not _is_place(name)
            and not _MANY_COMPANIES.match(name)
            and not s.lexicon.descriptors.match(name.split()[0])
            and not _DESCRIBING.search(name.split()[0])
            and not (s.language == "de" and _GERMAN_NOUN.search(name.split()[0]))
        ):
            return name
    return None


# many companies, not one: "475.000 Euro für Start Ups aus Halle"
_MANY_COMPANIES = re.compile(
    r"(?i)(?:start[\s-]?ups|gründer\w*|unternehmen|firmen|empresas|entreprises|aziende|empresas"
    r"|projekte?|proyectos|projets|progetti)\b"
)
# German common nouns by their endings ("Forschung", "Sicherheit", "Wirtschaft", "Startups")
_GERMAN_NOUN = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|ik|ups|en|er)$")


def _summary_deal_noun(s: EuroStory) -> str | None:
    """ "Le premier tour de financement de Mistral AI …": the summary's round and its company."""
    for sentence in s.sentences[:2]:
        for pattern in (_DEAL_NOUN_FOR, _DEAL_NOUN_OF):
            m = pattern.search(sentence)
            name = m.group("name").rstrip(".") if m else None
            if name and not _is_place(name):
                return name
    return None


_REGION_WORDS = frozenset(
    """
    europe europa afrique áfrica afrika amérique asie españa espanha spanien espagne portugal
    brasil brésil brasilien deutschland allemagne alemania alemanha frankreich francia frança
    italia italie italien méxico mexique mexiko latinoamérica madrid barcelona valencia paris lyon
    berlin münchen hamburg köln wien zürich lisboa porto milano roma torino são rio bogotá
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _is_place(name: str) -> bool:
    return bool(place_name(name)) or name.lower() in _REGION_WORDS


# "Nouvelle levée de fonds pour Qonto", "Finanzierungsrunde für N26", "aporte na Loggi": a round
# noun and the company it is for
_DEAL_NOUN = (
    r"(?i:levée de fonds|tour de (?:table|financement)|Finanzierungsrunde|Geldspritze|Kapitalspritze"
    r"|ronda de (?:financiación"
    r"|financiamiento|inversión)|rodada|aporte|round|investimento|investissement"
    r"|aumento di capitale|aumento de capital|ampliación de capital|augmentation de capital"
    r"|Kapitalerhöhung)"
)
_DEAL_NOUN_FOR = re.compile(  # the round is "for" or "in" the company …
    _DEAL_NOUN + r"\s+(?:[\w’',.-]+\s+){0,5}?(?i:pour|für|para|per|in|na|no|en|dans|bei)\s+"
    r"(?:l[ae]\s+|l['’])?(?:(?:start-?up|jeune pousse|pépite|société|empresa|startup|fintech"
    r"|française|français|espagnole?|española?|alemana?|allemande?|italiana?|brasileira)\s+){0,3}"
    r"(?P<name>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
)
_DEAL_NOUN_OF = re.compile(  # … or, failing that, "of" it ("nueva ronda de Glovo")
    _DEAL_NOUN + r"\s+(?:\w+\s+){0,2}?(?i:de|del|da|do)\s+(?P<name>(?=[A-ZÀ-ÞŸ])" + _NAME + ")"
)


def _first_name(s: EuroStory) -> str | None:
    """ "Flink liefert die nächste Finanzierungsrunde", "Sorare signe la plus grosse levée":
    a funding headline whose verb is no funding verb opens with the name."""
    # "Batteries : Verkor …", "la startup française Pasqal réussit …"
    title = _undescribed(re.sub(r"^[^:]{2,40}\s?:\s", "", s.title), s.lexicon) or ""
    m = re.match(r"\s*[„“\"'‘]?(" + _NAME + r")[”\"'’]?\s+[a-zà-ÿ‘'’]", title)
    if not m or s.lexicon.descriptors.match(m.group(1).split()[0]):
        return None
    name = m.group(1)
    topic = re.match(
        r"(?i)(?:valoración|valorisation|valutazione|avaliação|Bewertung)\s+\w+\s+", name
    )
    if topic:
        name = name[topic.end() :]  # "Valoración de Kavak baja …": Kavak's worth
    elif _ABOUT_MONEY.match(name):
        return None  # "Aumento di capitale … per StartupItalia", "Levée de fonds": a topic
    if len(name.split()) > 3 or (s.language == "de" and len(name.split()) > 2):
        return None
    if name.split()[0].lower() in _OPENING_WORDS or name[0].isdigit() or _is_place(name):
        return None  # "Une start-up …", "Cómo tres ingenieros …": no name opens it
    return name


# words a headline opens with that are never a company's name
_OPENING_WORDS = frozenset(
    """
    un une le la les l el los las uno una unos unas o os as um uma il lo gli ein eine der die das
    dos tres cuatro cinco deux trois quatre cinq zwei drei vier fünf due tre quattro
    cómo como qué que por para quand comment pourquoi wie warum was wer wo perché come quando
    enquête entrevista interview exclusif exclusiva analyse análisis opinion opinión tribune
    você vous usted sie du tu nous wir ich je yo eu io noi
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _deal_noun_for(s: EuroStory) -> str | None:
    m = _DEAL_NOUN_FOR.search(s.title) or _DEAL_NOUN_OF.search(s.title)
    return m.group("name") if m else None


COMPANY_RULES = [
    ("european investor as subject", _investor_target),
    ("european money for a company", _money_for),
    ("european name before the verb", _subject),
    ("european name opening the headline", lambda s: _leading_name(s.title, s.lexicon)),
    ("european valuation subject", _valuation_subject),
    ("european subject of joined clauses", _leading_subject),
    ("european round noun and its company", _deal_noun_for),
    ("european name opening a funding headline", _first_name),
    ("european name beside 'just raised'", _just_raised_name),
    ("european summary subject", _summary_subject),
    ("european summary description and name", _summary_described),
    ("european summary round noun and its company", _summary_deal_noun),
]


_UNICORN = re.compile(r"(?i)einhorn|licorne|unicorn|unicórnio|unicornio|unicorno")
# a company becoming a unicorn is news of its round; "la licorne française" as an aside is not
_BECOMES_UNICORN = re.compile(
    r"(?i)\b(?:devient|devenue?|nouvelle|dernière|club des|entre dans le club|rejoint le club"
    r"|wird zum|neues|neuestes|jüngstes|se convierte en|nuevo|último|torna-se|novo|diventa"
    r"|nuovo|becomes|new|ist (?:jetzt |nun )?ein|é o|é a|es el|est la|è il)\s+"
    r"(?:une?\s+|el\s+|um\s+|o\s+|un\s+|zum\s+)?(?:\d+(?:[ºª°oa]|er|e|ème)?\s+|[a-zà-ÿ]+(?:o|a|e|ième)\s+)?"
    r"[«“\"‘']?\s?(?:licornes?|einhorn|unicorn|unicórnio|unicornio|unicorno)"
    r"|\ben ser unicornio|(?:ingresa|entra|se une|se suma|llega)\s+(?:al|en el|a)\s+(?:\w+\s+)?club"
    r" de los unicornios|(?:entra|ingressa)\s+(?:no|para o)\s+(?:\w+\s+)?clube dos unicórnios"
    r"|statut de licorne"
    r"|(?:licornes?|einhorn|unicornio|unicórnio|unicorno)\s+(?:française|espagnol|español|neue"
    r"|europe)|club (?:très )?(?:fermé )?des\s+[«“\"‘']?\s?licornes"
)
# a headline that talks about money or a round without a verb for it
_MONEY_HINT = re.compile(
    r"(?i)\b(?:Geld|Kapital|Finanzierung|capital|dinero|dinheiro|aporte|fonds|levée|ronda|rodada"
    r"|round|investimento|inversión|investissement|investit|invierte|investe|investiert)"
)


def _summary_says_funding(s: EuroStory) -> bool:
    """The headline hints (money, a round, a financing word) and the summary's first sentences
    carry the funding verb: "Frische Geldspritze: …" / "N26 hat … eingesammelt"."""
    title = s.title
    if not (find_euro_money(title) or _round(title) or _MONEY_HINT.search(title)):
        return False
    verb = s.lexicon.funding.search(s.lead)
    return bool(verb and not s.lexicon.not_deal.search(s.lead[: verb.end() + 60]))


# a feature's headline ("Qonto au cœur des ambitions chinoises") whose summary opens on the round
# the company has just raised: "vient de lever", "acaba de cerrar", "ha appena chiuso"
_JUST_RAISED = re.compile(
    r"(?i)\b(?:vient|viennent) d[e'’]\s?(?:lever|boucler|réaliser une levée|finaliser une levée"
    r"|annoncer une levée|obtenir \d)|\ba annoncé avoir levé\b"
    r"|\bacaba(?:n)? de (?:cerrar una ronda|levantar|recaudar|captar|conseguir \d|obtener \d"
    r"|anunciar una ronda|receber um aporte|fechar uma rodada)"
    r"|\bha(?:nno)? appena (?:chiuso un round|raccolto|ottenuto un finanziamento)"
    r"|\bhat (?:gerade|soeben|jüngst) [^.]{0,60}?(?:eingesammelt|eingeworben)"
)


# money or a round told without a figure: "sammelt Millionen ein", "sichert sich neues Kapital",
# "nächste Finanzierungsrunde", "une levée de fonds record", "recauda millones"
_MONEY_WITHOUT_FIGURE = re.compile(
    r"(?i)\b(?:Millionen\w*|Millionenbetrag|Milliarde\w*|fondi|capitali|finanziamento"
    r"|(?:neues?|frisches?) (?:Kapital|Geld)|(?:Kapital|Geld) von (?=[A-ZÀ-ÞŸ])|Kapitalspritze"
    r"|Geldspritze|Finanzierungsrunde|millions?|milliards?|levée de fonds|tour de table"
    r"|millones|milhões|milioni|ronda|rodada|aporte)\b"
)


# an investment from someone named: "recibe inversión de SoftBank", "Investment von Lakestar"
_FROM_INVESTOR = re.compile(
    r"(?i:inversión|investimento|investissement|Investment|financiación|financement|aporte"
    r"|finanziamento|Finanzierung)\s+(?i:de|del|von|da|do|dal|della|du|d'|d’)\s*(?=[A-ZÀ-ÞŸ])"
)


# a headline about many rounds: its summary's first raise is one entry of a list
_MANY_ROUNDS = re.compile(
    r"(?i)\b(?:mega-?r?)?(?:rondas|rodadas|levées|Finanzierungsrunden|financieringsrondes)\b"
    r"|\b(?:i|dei|des|los|las|os|die|de)\s+(?:\w+\s+)?(?:round|rondas|startups?|start-ups|scale-ups)\b"
    r"|\bround\s+(?:italiani|europei)\b"
)
# "la ronda de financiación de una startup: cinco lecciones": a startup, any startup
_ANY_STARTUP = re.compile(
    r"(?i)\b(?:de|d['’]|einer?s?|eines|di|da) (?:una|une|uma|un|einem) (?:start-?up|empresa"
    r"|société|entreprise|Unternehmen|azienda)\b"
)


# "Les 5 chiffres fous de Sorare", "Las 10 startups …", "Die 7 größten …": a list
_NUMBERED_LIST = re.compile(r"(?i)^(?:les|los|las|die|os|as|i|le|gli|the)\s+\d+\s+\w")
# lay-offs and bonds: "nova rodada de demissões", "emissão de papéis", "Anleihe"
_LAYOFFS_OR_BONDS = re.compile(
    r"(?i)\b(?:demiss\w+|demite|despid\w+|licenciements?|Entlassung\w*|entlässt|Stellenabbau"
    r"|licenziament\w+|emissão|emisión|Anleihe\w*|obligataire|debêntures?|bonos)\b"
)


def _kind(s: EuroStory) -> tuple[str, str]:
    title = s.title
    if _NUMBERED_LIST.match(title):
        return "other", "european numbered list"
    if re.search(r"\S;\s+\S", title):
        return "other", "european digest"  # "Bitcoin-gekte compleet; SuitSupply scoort 300 miljoen"
    funding = s.lexicon.funding.search(title) or s.lexicon.investor.search(title)
    cut = _LAYOFFS_OR_BONDS.search(title)
    if cut and (not funding or cut.start() < funding.start()):
        return "other", "european lay-offs or bonds"  # not "sichert Kapital und entlässt …"
    for kind, pattern in s.lexicon.other_kinds:
        found = pattern.search(title)
        if not found or (kind == "fund" and funding and not re.search(_OWN_FUND, title)):
            continue  # "lève des fonds" is a raise; "cierra 750 millones con su megafondo" a fund
        if (
            kind == "acquisition"
            and (
                (
                    funding and funding.start() < found.start()
                )  # "capta 120 millones mientras compra"
                or re.match(
                    r"\s+(?:más de |casi |unos )?(?:US\$|R\$|[€$£])?\s?\d", title[found.end() :]
                )
            )
        ):  # "adquiere 120 millones de dólares de General Catalyst": money acquired is raised
            continue
        return kind, f"european {kind} words"
    if not funding:
        if s.lexicon.not_deal.search(title):
            return "other", "european no funding verb"
        valued = s.lexicon.valuation.search(title)
        if valued and (
            (_UNICORN.search(valued.group(0)) and _BECOMES_UNICORN.search(title))
            or find_euro_money(title)
        ):
            if s.lexicon.rumor.search(title):  # "strebt … offenbar Bewertung … an", "proche des"
                return "rumor", "european valuation talk"
            return "funding", "european valuation news"
        if _money_for(s):
            return "funding", "european money for a company"
        if s.language == "de" and _FOR_DESCRIBED.search(title):
            return "funding", "european money for a described company"  # "… für Berliner Proptech"
        if _summary_says_funding(s) and not _MANY_ROUNDS.search(title):
            # "Paack ultima una ronda …": the headline's cue counts as well as the summary's
            rumour = s.lexicon.rumor.search(title) or s.lexicon.rumor.search(s.summary[:300])
            return ("rumor" if rumour else "funding"), "european summary funding verb"
        if _JUST_RAISED.search(" ".join(s.sentences)[:800]):
            return "funding", "european feature on a round just raised"
        return "other", "european no funding verb"
    if (
        s.lexicon.weak.match(funding.group(0))
        and not s.lexicon.financing.search(title)
        and not find_euro_money(title)
    ):  # "Cabify asegura US$ 110 millones": the money is the financing word
        return "other", "european verb without a financing word"
    # the deal's own words, not a purchase told after it ("capta 120 millones mientras compra
    # otras empresas") nor money "acquired" ("adquiere 120 millones de dólares")
    takeover = dict(s.lexicon.other_kinds).get("acquisition")
    bought = takeover.search(title, funding.end()) if takeover else None
    told = title[: bought.start()] if bought else title
    if takeover and takeover.match(funding.group(0)):
        told = told[: funding.start()] + " " + told[funding.end() :]
    if s.lexicon.not_deal.search(told):
        return "other", "european fund, listing, takeover or total"
    if s.lexicon.rumor.search(title[: funding.end() + 20]):
        return "rumor", "european not done yet"
    if _ANY_STARTUP.search(title) and not find_euro_money(title):
        return "other", "european talk of any startup"
    if not (
        find_euro_money(title)
        or _round(title)
        or s.lexicon.investor.search(title)
        or _DEAL_NOUN_FOR.search(title)
        or _DEAL_NOUN_OF.search(title)
        or _MONEY_WITHOUT_FIGURE.search(title)
        or _FROM_INVESTOR.search(title)
    ):
        return "other", "european verb without a deal"
    return "funding", "european funding verb"


# a figure that is a company's worth, not money raised: "se valora en más de 2.000 millones",
# "valor de mercado de 6,500 millones", "dont la valorisation dépasse le milliard"
_WORTH = re.compile(
    r"(?i)valor(?:a|ada|ado|ación|e de mercado|isation|ise|isée?)|valoris|valuation|valutazione"
    r"|avaliad[ao]|avaliação|Bewertung|bewertet|\bwert\b|unicorn|licorne|einhorn"
)


def _a_worth(title: str, m: EuroMoney, lexicon: Lexicon) -> bool:
    """A headline figure that is what the company is worth: a worth word just before it with no
    funding verb between ("avaliado em 3 mil milhões", "steigert Bewertung auf 8,5 Milliarden"),
    or right after it ("US$ 6.500 millones en valor de mercado")."""
    before = title[max(0, m.start - 30) : m.start]
    said = list(_WORTH.finditer(before))
    if said and not lexicon.funding.search(before[said[-1].end() :]):
        return True
    return bool(_WORTH_AFTER.match(title, m.end))


_WORTH_AFTER = re.compile(
    r"\s*(?:en |de |di |d['’])?(?:valor de mercado|valoración|valorisation|valutazione|Bewertung"
    r"|de valor)"
)


# more names after the first of a list: "menée par Tiger Global et TCV", "Earlybird, Cherry
# Ventures und Point Nine"; an article may stand before a name ("et la Bpifrance")
_MORE_NAMES = re.compile(
    r"(?:\s*,\s*|\s+(?:et|und|sowie|y|e|ed|and|&)\s+)"
    r"(?:(?:le|la|les|l'|l’|du|des|de|der|die|den|dem|el|los|las|o|os|a|as|il|lo|i|gli|pel[ao]s?|por)\s+)?"
    r"(" + _NAME + ")"
)
# capitalised words that name a kind of investor, not one ("Business Angels", "Family Offices")
_NOT_A_BACKER = re.compile(
    r"^(?:Business Angels?|Angels?|Investoren|Investisseurs|Inversores|Investidores|Investitori"
    r"|Family Offices?|Bestandsinvestoren|Altinvestoren|Business Angel)$",
    re.I,
)


_DESCRIBED_PERSON = re.compile(
    r"^\S*(?:[Gg]ründer(?:in)?|[Cc]hef(?:in)?|[Ff]ondateur|[Ff]undador|[Mm]illiardär(?:in)?)\s+(?=[A-Z])"
)


def _named_list(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    """Every name of the list the pattern opens ("angeführt von A, B und C")."""
    found = pattern.search(text)
    if not found:
        return ()
    names = [next(g for g in found.groups() if g)]
    end = found.end()
    while len(names) < 12:
        more = _MORE_NAMES.match(text, end)
        if not more:
            break
        names.append(more.group(1))
        end = more.end()
    cleaned = (
        # a sentence ends; "Spotify-Gründer Daniel Ek" is Daniel Ek
        _DESCRIBED_PERSON.sub("", name.split(". ")[0]).rstrip(".,;:'’")
        for name in names
    )
    return tuple(dict.fromkeys(n for n in cleaned if n and not _NOT_A_BACKER.match(n)))


def _without(text: str, names: tuple[str, ...]) -> str:
    """The text with the investors' names blanked: "Teachers' Venture Growth" is no growth round."""
    for name in names:
        text = text.replace(name, " ")
    return text


def _round_money(summary: str, lexicon: Lexicon) -> list[EuroMoney]:
    """The summary's money that is not a worth: the round's, when the headline gives none."""
    return [
        m
        for m in find_euro_money(summary)
        if not _WORTH.search(summary[max(0, m.start - 40) : m.end + 12])
    ]


# public bodies and schools: their money is a grant or a budget, not a round
_INSTITUTION = re.compile(
    r"(?i)\b(?:Universität|Hochschule|Stadt|Gemeinde|Bundesland|Bund|Ministerium|Université"
    r"|Ville|Région|Universidad|Ayuntamiento|Gobierno|Universidade|Prefeitura|Governo"
    r"|Università|Comune|Regione|Universiteit|Gemeente|Ziekenhuis|Krankenhaus|Hôpital|Hospital)\b"
)


def extract_european(title: str, summary: str, language: str) -> Extraction | None:
    """The deal the story reports; None when this reader finds no funding verb at all (the
    English reader then gets its turn: language detection can be wrong on a short line)."""
    lexicon = LEXICON.get(language)
    if lexicon is None:
        return None
    s = read_euro(title, summary[:1500], language, lexicon)
    kind, kind_rule = _kind(s)
    if kind_rule == "european no funding verb":
        return None
    if kind not in ("funding", "rumor"):
        return Extraction(kind=kind, language=language, rules=(("kind", kind_rule),))
    company, company_rule = first(COMPANY_RULES, s)
    if company and _INSTITUTION.search(company):  # "Universität erhält 10 Millionen Euro"
        return Extraction(
            kind="other", language=language, rules=(("kind", "european an institution's money"),)
        )
    in_title = find_euro_money(title)
    worths = [m for m in in_title if _a_worth(title, m, lexicon)]
    rounds = [m for m in in_title if m not in worths]
    if kind_rule == "european valuation news" and rounds and not worths:
        worths, rounds = rounds[:1], rounds[1:]  # "double sa valorisation à 2,5 milliards"
    money = rounds or _round_money(summary[:400], lexicon)
    chosen = money[0] if money else None
    currency = chosen.currency if chosen else None
    amount = chosen.amount if chosen else None
    valuation = worths[0].amount if worths else None
    if currency is None and worths:
        currency = worths[0].currency
    leads = _named_list(lexicon.lead, title) or _named_list(lexicon.lead, summary[:600])
    backers = _named_list(lexicon.backers, title) or _named_list(lexicon.backers, summary[:600])
    investors = (*leads, *(x for x in backers if x not in leads))
    if company_rule == "european investor as subject":
        acting = lexicon.investor.search(title)
        investor = _name_before(title[: acting.start()], lexicon) if acting else None
        if investor and acting and acting.group(0).startswith("mène"):
            leads = (investor, *(x for x in leads if x != investor))  # "X mène la levée de Y"
        if investor and _NOT_A_BACKER.match(investor):
            investor = None  # "Investoren stecken 40 Millionen in …"
        investors = (*leads, investor) if investor and investor not in leads else leads
    return Extraction(
        kind=kind,
        company=company,
        amount=amount,
        currency=currency,
        amount_usd=to_usd(amount, currency),
        round=_round(_without(title, investors)) or _round(_without(summary[:400], investors)),
        valuation=valuation,
        valuation_currency=currency if valuation is not None else None,
        lead_investors=leads,
        investors=investors,
        language=language,
        rules=(("kind", kind_rule), ("company", company_rule)),
    )
