"""Funding news in other languages, in our own sentences about real public deals
(tests/data/headlines/world_languages.jsonl, each line with its source): every field exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extract.cjk_money import find_cjk_money
from bot.extract.engine import extract
from bot.extract.euro_money import find_euro_money
from bot.extract.language import detect

DATA = Path(__file__).resolve().parents[1] / "data" / "headlines" / "world_languages.jsonl"
ROWS = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("row", ROWS, ids=[r["title"][:40] for r in ROWS])
def test_every_field(row: dict) -> None:
    found = extract(row["title"], row["summary"])
    want = row["expected"]
    assert found.kind == want["kind"]
    assert found.company == want["company"]
    assert found.currency == want["currency"]
    assert found.round == want["round"]
    assert list(found.lead_investors) == want["lead_investors"]
    if want["amount"] is None:
        assert found.amount is None
    else:
        assert found.amount == pytest.approx(want["amount"], rel=0.001)


def test_the_language_is_said() -> None:
    assert extract("月之暗面完成超10亿美元融资，阿里巴巴领投").language == "zh"
    assert (
        extract("Nubank capta US$ 750 milhões em rodada liderada pela Berkshire Hathaway").language
        == "pt"
    )
    assert extract("Mistral AI raises €600M led by General Catalyst").language == "en"
    # a short English line the detector reads as French: the English reader still gets it
    found = extract("Supabase, a Postgres-centric developer platform, raises $80M Series C")
    assert (found.kind, found.company, found.language) == ("funding", "Supabase", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Drohnenhersteller Quantum Systems sammelt 160 Millionen Euro ein", "de"),
        ("「SmartHR」シリーズDで156億円を調達", "ja"),
        ("토스 운영사 비바리퍼블리카, 4,600억원 규모 시리즈G 투자 유치", "ko"),
        ("Mistral AI raises €600M in a round led by General Catalyst", "en"),
        ("", "en"),
    ],
)
def test_detect(text: str, language: str) -> None:
    assert detect(text) == language


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("完成超亿元融资", 1e8, "CNY"),
        ("完成数亿元A轮融资", None, "CNY"),  # "several hundred million": money, no figure
        ("3億5000万円を調達", 3.5e8, "JPY"),
        ("1億500万ドル調達", 1.05e8, "USD"),
        ("1,550억원 규모 시리즈A", 1.55e11, "KRW"),
        ("4.6조원 자금 조달", 4.6e12, "KRW"),
    ],
)
def test_cjk_money(text: str, amount: float | None, currency: str) -> None:
    (money,) = find_cjk_money(
        text, "ko" if "원" in text or "조" in text else "zh" if "元" in text else "ja"
    )
    assert money.amount == (pytest.approx(amount) if amount else None)
    assert money.currency == currency


def test_korean_syllables_are_not_money() -> None:
    assert find_cjk_money("자금 조달에 나선 만큼", "ko") == []
    assert find_cjk_money("万科完成交付", "zh") == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("sichert 30 Mio. Dollar Finanzierung", 30e6, "USD"),
        ("4,5 Mio. Euro", 4.5e6, "EUR"),
        ("lève 92 millions d'euros", 92e6, "EUR"),
        ("3.170 millones de euros", 3.17e9, "EUR"),
        ("capta R$ 50 milhões", 50e6, "BRL"),
        ("Fünf Millionen Euro", 5e6, "EUR"),
        ("un milliard de dollars", 1e9, "USD"),
        ("lève 807 600 euros", 807_600, "EUR"),  # a whole figure, no scale word
        ("sammelt 500.000 Euro ein", 500_000, "EUR"),
        ("€ 750.000 para crecer", 750_000, "EUR"),
        ("levanta US$ 300 mi", 300e6, "USD"),  # Brazilian shorthand beside a currency sign
        ("R$ 2 bi", 2e9, "BRL"),
        ("sammelt 750 Mill. Dollar ein", 750e6, "USD"),
        ("eine halbe Milliarde Dollar", 500e6, "USD"),
    ],
)
def test_european_money(text: str, amount: float, currency: str) -> None:
    (money,) = find_euro_money(text)
    assert (money.amount, money.currency) == (pytest.approx(amount), currency)


@pytest.mark.parametrize(
    "title",
    [
        "Les entreprises françaises ont levé 4 milliards de francs depuis le début de l'année",
        "España cierra 2025 con 3.170 millones de euros de inversión en startups",
        "SAP übernimmt den Berliner Prozessanalyse-Spezialisten Signavio",
        "韩国上半年风险投资达8.87万亿韩元，创历史同期新高",
        "亿田智能：子公司拟不超20亿元采购服务器及配套设备",
        "[주간투자동향] 이노바이드, 120억 원 규모 시리즈B 투자 유치 外",
        "国内スタートアップ9社資金調達振り返り",
    ],
)
def test_not_one_deal(title: str) -> None:
    assert not extract(title).is_funding


def test_a_whole_figure_needs_a_currency() -> None:
    assert find_euro_money("1.200 empleados y 3.000 clientes") == []


def test_chinese_investor_lists_hold_investors_only() -> None:
    """An adviser, "joint investment" and a short form beside the full name go; our
    sentences about Qianhe Yibang's RMB 2bn+ Series B (2026, Muyan Capital its adviser)."""
    found = extract(
        "谦合益邦完成超20亿元B轮融资，木雁资本担任独家财务顾问",
        "谦合益邦宣布完成超20亿元B轮融资，投资方包括国调基金、星连资本、木雁资本担任独家财务顾问。",
    )
    assert found.investors == ("国调基金", "星连资本")
    short = extract("获云启、商汤超亿元种子轮融资", "本轮由云启资本、商汤科技联合投资。")
    assert short.investors == ("云启资本", "商汤科技")


def test_a_listed_investors_stock_code_is_no_part_of_its_name() -> None:
    """News flashes print a listed investor's code inside its name ("深创投（000000）集团");
    our sentence about Moonshot AI's 2024 round, in which Tencent (00700) took part."""
    found = extract("月之暗面完成新一轮融资", "本轮由腾讯控股（007000）集团、高榕资本参与。")
    assert found.investors == ("腾讯控股集团", "高榕资本")


def test_an_outlets_first_report_is_read_from_its_summary() -> None:
    """ "36氪首发" marks a startup's first report, most often with its round; the headline tells
    the product, the summary the round (our sentences about AceiiLab's 2025 angel round)."""
    title = "网球机器人公司开始批量交付"
    summary = (
        "网球训练机器人品牌「一思智能」（AceiiLab）已开始向海外交付产品，"
        "公司此前完成超千万元天使轮融资，投资方为零以资本。"
    )
    assert extract(title, summary).kind == "other"  # without the mark: product news
    found = extract(f"36氪首发｜{title}", summary)
    assert (found.kind, found.company, found.amount) == ("funding", "AceiiLab", 10_000_000)


def test_he_inside_an_investors_name_is_no_list() -> None:
    """和 joins two names but is also part of one (和而泰); our sentences about Jaten Robot's
    strategic round, led by Heertai with Jinmu Capital."""
    found = extract("“嘉腾机器人”完成数千万战略融资", "本轮融资由和而泰领投，金木资本跟投。")
    assert found.lead_investors == ("和而泰",)
    assert found.investors == ("和而泰", "金木资本")
    two = extract("“嘉腾机器人”完成数千万战略融资", "本轮融资由红杉中国和高瓴创投共同领投。")
    assert two.lead_investors == ("红杉中国", "高瓴创投")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # our sentences: Moonshot AI's funding talk (2025); ChipAgents' round extended (2026);
        # Jack Ma's HKD 234M into a San Francisco AI insurance startup (2026)
        ("月之暗面确认新一轮融资传闻", "rumor"),
        ("芯片设计AI公司ChipAgents扩大融资规模", "funding"),
        ("马云2.34亿港元投资旧金山AI保险初创公司", "funding"),
    ],
)
def test_chinese_cues_for_talk_extensions_and_other_currencies(title: str, kind: str) -> None:
    assert extract(title).kind == kind


@pytest.mark.parametrize(
    "title",
    [
        # Korean pieces about money in general, not one company's round (our sentences)
        "푸드테크에 투자금 몰린다",
        "국내외 투자자 유혹하는 K-뷰티",
        "블루포인트, 초기 스타트업 투자 확대",
    ],
)
def test_korean_talk_of_investment_is_no_round(title: str) -> None:
    assert extract(title, "한 스타트업은 지난달 30억원 투자를 유치했다.").kind == "other"


def test_a_korean_round_resumed_is_talk() -> None:
    # DeepSeek's reported second raise (2026), "resumed": still talk, not done
    assert extract("딥시크, 2차 투자 유치 재개").kind == "rumor"


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # our sentences: ChipAgents' round extended (2026); Westlake Robotics' four rounds in
        # half a year (2026), the count spaced as news flashes write it
        ("英伟达合作伙伴 ChipAgents 扩大融资规模", "ChipAgents"),
        ("西湖机器人半年 4 轮融资、总额 5 亿元", "西湖机器人"),
    ],
)
def test_chinese_names_before_an_extended_or_counted_round(title: str, company: str) -> None:
    assert extract(title).company == company


def test_a_wave_of_funding_is_no_one_round() -> None:
    # China's commercial space companies' 2026 funding wave: several companies, not one deal
    summary = "2月以来，星际荣耀、箭元科技等多家商业航天企业完成融资。"
    assert extract("商业航天迎来融资潮", summary).kind == "other"


def test_a_korean_investors_move_names_the_company_from_the_summary() -> None:
    """ "X, 미국 로봇 스타트업에 … 투자": X invests, the summary names the startup; our
    sentences about Woowa Brothers' USD 2M into Bear Robotics' seed round (2019)."""
    found = extract(
        "배달의민족, 미국 로봇 스타트업에 2백만 달러 투자",
        "‘배달의민족’을 운영하는 우아한형제들이 미국의 로봇 기업 베어로보틱스(Bear Robotics)에 "
        "200만 달러를 투자했다.",
    )
    assert (found.kind, found.company, found.amount) == ("funding", "Bear Robotics", 2e6)


@pytest.mark.parametrize(
    ("title", "kind", "company"),
    [
        # our sentences about real rounds: Qonto's EUR 104M Series C (2020); Vestiaire
        # Collective's EUR 178M from Kering and Tiger Global (2021); Gorillas' 2021 rounds;
        # Volocopter (Bruchsal) in 2021; N26's 2021 talks; Cabify's 2018 round in the works;
        # Flink's 2021 round; Mistral AI's EUR 105M seed at four weeks old (2023)
        ("Qonto collecte 104 millions d'euros", "funding", "Qonto"),
        (
            "Vestiaire Collective lève 178 millions d'euros auprès de Kering et du fonds Tiger",
            "funding",
            "Vestiaire Collective",
        ),
        ("Gorillas sammelt Millionen ein", "funding", "Gorillas"),
        ("Volocopter aus Bruchsal hat neues Geld bekommen", "funding", "Volocopter"),
        ("N26 steht wohl vor neuer Finanzierungsrunde", "rumor", "N26"),
        ("Cabify ultima una ronda de financiación de más de 200 millones", "rumor", "Cabify"),
        ("Flink liefert die nächste Finanzierungsrunde", "funding", "Flink"),
        ("Une start-up d'IA âgée de quatre semaines lève 105 millions d'euros", "funding", None),
    ],
)
def test_european_rounds_told_without_a_figure_or_a_usual_verb(
    title: str, kind: str, company: str | None
) -> None:
    found = extract(title)
    assert (found.kind, found.company) == (kind, company)


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # our sentences: a billionaire's stake in Via (2020); Beiersdorf's in S-Biomedic (2019,
        # the headline names only a description); Verkor's 2023 round; Pasqal's EUR 100M (2023)
        ("Milliardär investiert in Mobilitätsdienst Via", "Via"),
        ("Nivea-Hersteller investiert Millionenbetrag in Pharma-Startup", None),
        ("Gigafactory à Dunkerque : levée de fonds historique pour Verkor", "Verkor"),
        (
            "Ordinateur quantique : la startup française Pasqal réussit une levée de fonds record",
            "Pasqal",
        ),
    ],
)
def test_european_names_behind_descriptions_and_rubrics(title: str, company: str | None) -> None:
    found = extract(title)
    assert (found.kind, found.company) == ("funding", company)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # becoming a unicorn is news of a round (Doctolib, 2019); a unicorn named in an aside
        # is not (our sentences about Alan, 2021, and Feedzai, 2021)
        ("Doctolib rejoint le club très fermé des « licornes » françaises", "funding"),
        ("Enquête sur Alan, la « licorne » qui bouscule les mutuelles", "other"),
        ("Feedzai: o unicórnio que nasceu em Coimbra", "other"),
    ],
)
def test_becoming_a_unicorn_not_being_called_one(title: str, kind: str) -> None:
    assert extract(title).kind == kind


def test_a_worth_in_the_summary_is_no_rounds_amount() -> None:
    """Our sentences about Jobandtalent becoming a unicorn (2021): the summary's figure is what
    the company is worth, not what it raised."""
    found = extract(
        "Jobandtalent, el nuevo unicornio español",
        "La plataforma de empleo ya se valora en más de 2.000 millones de euros tras su ronda.",
    )
    assert (found.kind, found.amount) == ("funding", None)


@pytest.mark.parametrize(
    ("title", "summary", "company"),
    [
        # our sentences: Meditopia's Series B led by Creandum (2021); Clip's SoftBank round
        # (2021); Mistral AI's first round (2023), named only where the summary says whose it was
        (
            "Berliner Meditations-App erhält 13 Millionen Euro",
            "Das Berliner Startup Meditopia hat die Runde mit Creandum abgeschlossen.",
            "Meditopia",
        ),
        (
            "Empresa mexicana de pagos recibe inversión de SoftBank",
            "La empresa emergente de pagos mexicana Clip suma un nuevo socio.",
            "Clip",
        ),
        (
            "Une start-up d'IA lève 105 millions d'euros en Europe",
            "Un record en Europe. Le premier tour de financement de Mistral AI la valorise fort.",
            "Mistral AI",
        ),
        # a place after "aus" is no name: nothing is read
        (
            "Meditations-App erhält 13 Millionen Euro",
            "Ein Startup aus Berlin hat die Runde abgeschlossen.",
            None,
        ),
    ],
)
def test_european_summary_names_the_described_company(
    title: str, summary: str, company: str | None
) -> None:
    found = extract(title, summary)
    assert (found.kind, found.company) == ("funding", company)


@pytest.mark.parametrize(
    ("title", "summary", "company"),
    [
        # our sentences: Qonto's EUR 104M Series C (2019) and ManoMano's EUR 125M (2021), told
        # in features whose headline carries no deal word
        (
            "Qonto au cœur des ambitions chinoises",
            "Qonto vient de lever 104 millions d'euros en série C. La néobanque vise l'Europe.",
            "Qonto",
        ),
        (
            "Rencontre : « Nous voulons être présents partout en Europe »",
            "C'est une somme de 125 millions d'euros que vient de lever ManoMano, créée par "
            "Philippe de Chanville.",
            "ManoMano",
        ),
    ],
)
def test_a_european_feature_on_a_round_just_raised(title: str, summary: str, company: str) -> None:
    found = extract(title, summary)
    assert (found.kind, found.company) == ("funding", company)


def test_a_round_raised_long_ago_makes_no_feature_a_deal() -> None:
    found = extract(
        "Qonto au cœur des ambitions chinoises",
        "La néobanque avait levé 104 millions d'euros en 2019. Elle vise l'Europe.",
    )
    assert found.kind != "funding"


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        # our sentences: Paack closing in on a round (2023), told as not done in the headline
        # while the summary uses the raise's verb
        (
            "Paack ultima una ronda con un ajuste de valoración",
            "La startup de logística cerrará una ronda de financiación con sus socios.",
            "rumor",
        ),
        # advice about rounds of any startup, and a year's crowdfunding total, are no one deal
        ("Lo que nadie cuenta de la ronda de financiación de una startup", "", "other"),
        ("Crowdinvesting wächst: heuer schon 3,3 Mio. Euro eingesammelt", "", "other"),
    ],
)
def test_european_talk_totals_and_rounds_not_done(title: str, summary: str, kind: str) -> None:
    assert extract(title, summary).kind == kind


@pytest.mark.parametrize(
    ("title", "kind", "company"),
    [
        # our sentences: 橡木果's angel round beside a model launch (2025); 镁信健康's Series C
        # of over CNY 2bn with listing plans in a later clause (2021); Knowunity's EUR 10M told
        # after an adverb, with no name before the verb (2021)
        ("橡木果发布具身智能模型 完成天使轮融资", "funding", "橡木果"),
        ("镁信健康完成超20亿元C轮融资，年底拟冲刺上市", "funding", "镁信健康"),
        ("为学生做学习社交平台，最新获投1000万欧元", "funding", None),
        # a cue before the round still marks talk
        ("据悉，镁信健康拟完成C轮融资", "rumor", "镁信健康"),
    ],
)
def test_chinese_clauses_beside_the_round(title: str, kind: str, company: str | None) -> None:
    found = extract(title)
    assert (found.kind, found.company) == (kind, company)


@pytest.mark.parametrize(
    ("title", "kind", "company"),
    [
        # our sentences about real deals: Cabify's $110M (2019), Flink's round (2021), Glovo's
        # (2019), Gorillas and Nubank becoming unicorns (2021, 2018), Sword Health's (2021),
        # Glovo's round with an Abu Dhabi fund (2021), Factorial's $120M from General Catalyst
        # (2024), Vestiaire Collective's EUR 178M led by SoftBank (2021), Blackrock's facility
        # for Jobandtalent (2022), N26's extension beside its lay-offs (2020)
        (
            "Cabify asegura 110 millones de dólares para crecer en América Latina",
            "funding",
            "Cabify",
        ),
        ("200 Millionen Euro für Flink", "funding", "Flink"),
        ("Más dinero para Glovo: 115 millones de euros para crecer", "funding", "Glovo"),
        ("Gorillas ist jetzt ein Einhorn", "funding", "Gorillas"),
        ("Nubank é o 3º unicórnio brasileiro", "funding", "Nubank"),
        ("Sword Health torna-se sexto unicórnio português", "funding", "Sword Health"),
        (
            "Glovo suma un fondo de Abu Dabi a su ronda y se convierte en unicornio",
            "funding",
            "Glovo",
        ),
        ("Factorial adquiere 120 millones de dólares de General Catalyst", "funding", "Factorial"),
        ("Factorial capta 120 millones mientras compra otras empresas", "funding", "Factorial"),
        (
            "SoftBank mène la levée de 178 millions d'euros de Vestiaire Collective",
            "funding",
            "Vestiaire Collective",
        ),
        ("Blackrock inyecta 80 millones a Jobandtalent", "funding", "Jobandtalent"),
        ("N26 sichert sich neues Kapital und entlässt Mitarbeiter", "funding", "N26"),
        # not one company's round: research money, a VC's own fund, lay-offs, a year's total,
        # a rumoured round
        ("100 Millionen Euro für Forschung", "other", None),
        ("Kaszek lanza un nuevo fondo de 975 millones de dólares", "fund", None),
        ("Loft demite 380 funcionários em nova rodada de cortes", "other", None),
        ("17,4 Milliarden Euro flossen 2021 in deutsche Start-ups", "other", None),
        ("Gorillas sammelt offenbar 500 Millionen Euro ein", "rumor", "Gorillas"),
    ],
)
def test_european_deals_without_a_usual_verb_and_what_is_no_deal(
    title: str, kind: str, company: str | None
) -> None:
    found = extract(title)
    assert (found.kind, found.company) == (kind, company)


def test_the_investor_who_leads_a_french_round_is_its_lead() -> None:
    found = extract("SoftBank mène la levée de 178 millions d'euros de Vestiaire Collective")
    assert found.lead_investors == ("SoftBank",)
    assert (found.amount, found.currency) == (178e6, "EUR")


@pytest.mark.parametrize(
    ("title", "company"),
    [
        # our sentences: Mistral AI's EUR 385M (2023), Glovo becoming a unicorn (2021), Kavak's
        # down round (2022), Gorillas becoming a unicorn (2021), Factorial (2021)
        (
            "Une levée de fonds de 385 millions d'euros pour la start-up française Mistral AI",
            "Mistral AI",
        ),
        ("Mistral AI : 385 millions levés pour le champion français de l'IA", "Mistral AI"),
        ("Glovo se convierte en la segunda startup de España en ser unicornio", "Glovo"),
        ("Valoración de Kavak baja tras su última ronda de financiamiento", "Kavak"),
        ("Milliardenbewertung: Liefer-Startup Gorillas ist jetzt ein Einhorn", "Gorillas"),
        ("Un nuevo unicornio: la española Factorial quiere crecer en Brasil", "Factorial"),
        # StartupItalia's capital increase (2021): the round's noun opens, the name follows "per"
        ("Aumento di capitale da 7,3 milioni per StartupItalia: i nuovi soci", "StartupItalia"),
    ],
)
def test_european_names_not_articles_places_or_topics(title: str, company: str) -> None:
    found = extract(title)
    assert (found.kind, found.company) == ("funding", company)


def test_a_japanese_sum_and_stage_make_a_deal_without_a_name() -> None:
    """Our sentence about Bloomo's Series A of JPY 2bn (2024): an interview headline that names
    the company only in a later clause."""
    found = extract("シリーズAで20億円調達、米国株アプリのこだわりはプロダクト")
    assert (found.kind, found.amount, found.round) == ("funding", 2e9, "series-a")


@pytest.mark.parametrize(
    ("title", "summary", "amount", "valuation"),
    [
        # our sentences: Talkdesk's $143M at a $3B valuation (2020), Personio's $200M at $8.5B
        # (2022), Glovo's EUR 450M Series F at over EUR 1bn (2021)
        (
            "Unicórnio Talkdesk avaliado em 3 mil milhões de dólares após nova ronda",
            "A Talkdesk levantou 143 milhões de dólares numa ronda liderada pela Viking.",
            143e6,
            3e9,
        ),
        (
            "Personio steigert Bewertung auf 8,5 Milliarden Dollar",
            "Das Münchner Startup sammelt 200 Millionen Dollar ein.",
            200e6,
            8.5e9,
        ),
        ("Glovo recauda 450 millones con una valoración de 1.000 millones", "", 450e6, 1e9),
    ],
)
def test_a_european_headlines_worth_is_the_valuation_and_the_round_is_read_elsewhere(
    title: str, summary: str, amount: float, valuation: float
) -> None:
    found = extract(title, summary)
    assert (found.kind, found.amount, found.valuation) == ("funding", amount, valuation)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # our sentences: a city's grants to its startups (Halle, 2019) and Mundi Ventures'
        # EUR 750M fund to invest in deep tech (2024)
        ("475.000 Euro für Start-ups aus Halle", "other"),
        ("Mundi Ventures cierra 750 millones con su megafondo para invertir en deep tech", "fund"),
    ],
)
def test_european_money_for_many_startups_and_a_firms_own_fund(title: str, kind: str) -> None:
    assert extract(title).kind == kind


def test_chinese_investor_lists_drop_round_labels_clauses_and_asides() -> None:
    """Our sentences about 嘉腾机器人's strategic round (2025): an investor's aside in brackets
    and a clause that names the round are no part of the investors' names."""
    found = extract(
        "「嘉腾机器人」完成数千万元战略融资",
        "其中战略轮由金木资本领投，道禾基金(LP为东方精工)跟投。",
    )
    assert found.investors == ("金木资本", "道禾基金")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # our sentences: StartupItalia's capital increase (2021), Glovo joining the unicorns
        # (2021), Gorillas aiming at a EUR 6bn valuation (2021), Mistral AI close to a EUR 2bn
        # valuation (2023), Bending Spoons launching a round (2019), a numbered list about Sorare
        ("Aumento di capitale da 7,3 milioni di euro per StartupItalia", "funding"),
        ("Glovo ingresa al selecto club de los unicornios", "funding"),
        ("Gorillas strebt offenbar eine Bewertung von 6 Milliarden Euro an", "rumor"),
        ("Mistral AI proche des 2 milliards d'euros de valorisation", "rumor"),
        ("Bending Spoons lancia un round: aumento di capitale da 42 milioni di euro", "rumor"),
        ("Les 5 chiffres fous de Sorare, la licorne française", "other"),
    ],
)
def test_european_capital_increases_talk_and_lists(title: str, kind: str) -> None:
    assert extract(title).kind == kind


@pytest.mark.parametrize(
    "title",
    [
        # our sentences: Seoul Fintech Lab's tenants' half-year total (2021), and an offer
        # Musinsa and others turned down (AliExpress, 2024)
        "서울핀테크랩 입주기업, 올해 상반기 180억 투자유치",
        "알리, 무신사에 투자 제안했다 거절 당해",
    ],
)
def test_korean_totals_and_refused_offers_are_no_round(title: str) -> None:
    assert extract(title).kind != "funding"


@pytest.mark.parametrize(
    ("title", "summary", "leads", "investors"),
    [
        # our sentences: Parloa's $120M (Dec 2024), Enpal's EUR 215M (2023), Factorial's $120M
        # Series C (2021), Cora's $116M (2021), Satispay's EUR 320M (2022), Qonto's EUR 486M (2022)
        (
            "Parloa sammelt 120 Millionen Dollar ein",
            "Die Runde wird angeführt von Durable Capital, unter Beteiligung von Altimeter,"
            " General Catalyst und EQT Ventures.",
            ("Durable Capital",),
            ("Durable Capital", "Altimeter", "General Catalyst", "EQT Ventures"),
        ),
        (
            "Enpal erhält 215 Millionen Euro",
            "Angeführt von TPG Rise Climate. Mit dabei sind auch HV Capital und Princeville.",
            ("TPG Rise Climate",),
            ("TPG Rise Climate", "HV Capital", "Princeville"),
        ),
        (
            "Factorial cierra una ronda de 120 millones de dólares",
            "La ronda está liderada por Tiger Global, con la participación de CRV y Creandum.",
            ("Tiger Global",),
            ("Tiger Global", "CRV", "Creandum"),
        ),
        (
            "Cora levanta US$ 116 milhões",
            "A rodada foi liderada pela Tiger Global e pela Ribbit Capital, com participação de"
            " Kaszek.",
            ("Tiger Global", "Ribbit Capital"),
            ("Tiger Global", "Ribbit Capital", "Kaszek"),
        ),
        (
            "Satispay raccoglie 320 milioni di euro",
            "Il round è guidato da Addition, con la partecipazione di Coatue e Tencent.",
            ("Addition",),
            ("Addition", "Coatue", "Tencent"),
        ),
        (
            "Qonto lève 486 millions d'euros",
            "La levée est menée par Tiger Global et TCV, aux côtés de Valar Ventures et des"
            " Business Angels historiques.",
            ("Tiger Global", "TCV"),
            ("Tiger Global", "TCV", "Valar Ventures"),
        ),
    ],
)
def test_european_lists_of_leads_and_backers(
    title: str, summary: str, leads: tuple, investors: tuple
) -> None:
    found = extract(title, summary)
    assert (found.lead_investors, found.investors) == (leads, investors)


def test_an_investors_name_is_no_round() -> None:
    # our sentence: Alan's EUR 173M (2023) with Teachers' Venture Growth among its backers
    found = extract("Alan lève 173 millions d'euros auprès de Teachers' Venture Growth")
    assert (found.round, found.investors) == (None, ("Teachers' Venture Growth",))


@pytest.mark.parametrize(
    ("title", "summary", "leads", "investors"),
    [
        # our sentences: Ubie's Series C led by Goldman Sachs (2023), SmartHR's Series D led by
        # Light Street Capital (2021), Sansan's 2012 allotment (Globis, DCM, Nikkei), Mujin's
        # Series C (2023, Goldman Sachs and SBI Investment among others)
        (
            "医療AIのUbie、シリーズCで41億円調達——リード投資家はゴールドマン・サックス",
            "",
            ("ゴールドマン・サックス",),
            ("ゴールドマン・サックス",),
        ),
        (
            "SmartHR、シリーズDで158億円調達",
            "SmartHRは、Light Street Capitalをリード投資家として、第三者割当増資による資金調達を実施した。",
            ("Light Street Capital",),
            ("Light Street Capital",),
        ),
        (
            "Sansan、10億円を調達",
            "第三者割当増資の引受先は、グロービス・キャピタル・パートナーズ、DCMベンチャーズ、日本経済新聞社。",
            (),
            ("グロービス・キャピタル・パートナーズ", "DCMベンチャーズ", "日本経済新聞社"),
        ),
        (
            "Mujin、シリーズCで約161億円の資金調達",
            "Mujinは、ゴールドマン・サックス、SBIインベストメントなどから総額約161億円を調達した。",
            (),
            ("ゴールドマン・サックス", "SBIインベストメント"),
        ),
        # "existing investors" is no name
        ("ispace、既存投資家などから50億円を資金調達", "", (), ()),
    ],
)
def test_japanese_leads_and_share_takers(
    title: str, summary: str, leads: tuple, investors: tuple
) -> None:
    found = extract(title, summary)
    assert (found.lead_investors, found.investors) == (leads, investors)


def test_a_chinese_investor_after_huode_keeps_its_whole_name() -> None:
    # our sentence: Volkswagen's $2.4B joint venture investment with Horizon Robotics (2022)
    assert extract("地平线获得大众汽车24亿美元投资").investors == ("大众汽车",)


@pytest.mark.parametrize(
    ("title", "summary", "company", "amount", "leads", "investors"),
    [
        # our Dutch sentences: Mollie's EUR 665M led by Blackstone Growth (2021), bunq's EUR 193M
        # led by Pollen Street Capital (2021), Picnic's EUR 600M led by the Gates Foundation
        # Trust with EQT Ventures (2021), Mews (formerly Mews Systems) raising $110M (2024)
        (
            "Mollie haalt 665 miljoen euro op bij Blackstone",
            "",
            "Mollie",
            665e6,
            (),
            ("Blackstone",),
        ),
        (
            "Bunq krijgt 193 miljoen euro in financieringsronde onder leiding van Pollen Street",
            "",
            "Bunq",
            193e6,
            ("Pollen Street",),
            ("Pollen Street",),
        ),
        (
            "Picnic haalt 600 miljoen euro op",
            "De investeringsronde wordt geleid door de Gates Foundation, samen met EQT Ventures.",
            "Picnic",
            600e6,
            ("Gates Foundation",),
            ("Gates Foundation", "EQT Ventures"),
        ),
        ("Mews (voorheen Mews Systems) haalt 110 miljoen dollar op", "", "Mews", 110e6, (), ()),
        # Neurolytics' half a million (2019), the verb 'scoort' and a compound description
        ("Hr-techstartup Neurolytics scoort een half miljoen", "", "Neurolytics", 5e5, (), ()),
    ],
)
def test_dutch_rounds(
    title: str, summary: str, company: str, amount: float, leads: tuple, investors: tuple
) -> None:
    found = extract(title, summary)
    assert (found.kind, found.company, found.amount, found.language) == (
        "funding",
        company,
        amount,
        "nl",
    )
    assert (found.lead_investors, found.investors) == (leads, investors)


@pytest.mark.parametrize(
    "title",
    [
        "Adyen neemt Nederlandse betaalstartup over",  # a takeover
        "Nieuw fonds van Peak Capital haalt 100 miljoen op",  # a firm's own fund
        "Bunq wil 100 miljoen ophalen",  # not done
        "Bitcoin-gekte compleet; SuitSupply scoort 300 miljoen",  # two stories, a digest
    ],
)
def test_dutch_stories_that_are_no_round(title: str) -> None:
    assert extract(title).kind != "funding"


def test_dutch_money() -> None:
    assert [(m.amount, m.currency) for m in find_euro_money("haalt half miljoen euro op")] == [
        (500000.0, "EUR")
    ]


@pytest.mark.parametrize(
    ("title", "company", "round_", "investors"),
    [
        # our Korean sentences: Rebellions' KRW 124B Series B (2024), FuriosaAI's Series C bridge
        # (2024), KT's KRW 30B into Rebellions (2022), Kakao Ventures' seed in Daangn (2016)
        ("리벨리온, 1240억원 시리즈B 유치", "리벨리온", "series-b", ()),
        ("AI 칩 만드는…퓨리오사AI, 시리즈C 브릿지 유치", "퓨리오사AI", "series-c", ()),
        ("통신사의 AI 반도체 베팅…KT가 리벨리온에 300억원을 투자했다", "리벨리온", None, ("KT",)),
        (
            "동네 중고거래 앱…카카오벤처스, 당근마켓 시드 투자",
            "당근마켓",
            "seed",
            ("카카오벤처스",),
        ),
    ],
)
def test_korean_rounds_without_tuja_and_investors_before_the_comma(
    title: str, company: str, round_: str | None, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.round) == ("funding", company, round_)
    assert found.investors == investors


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        # our sentences: Partech's EUR 100M seed fund (2016) is a firm's own fund
        ("Partech lève 100 millions d'euros pour son nouveau fonds d'amorçage", "", "fund"),
        # totals and lists whose summary opens on one of their rounds
        (
            "Tres megarrondas españolas y los millones de Atresmedia en startups",
            "Multiverse capta 189 millones de euros en su ronda.",
            "other",
        ),
        (
            "Las megarrondas del trimestre y los millones de las startups españolas",
            "Multiverse capta 189 millones de euros. SpliceBio cierra una ronda de 119 millones.",
            "other",
        ),
        (
            "Milano guida il 2025: metà dei round italiani in Lombardia",
            "Satispay raccoglie 60 milioni di euro; seguono altre fintech.",
            "other",
        ),
        ("Nederlandse scale-ups halen ruim 500 miljoen op", "", "other"),
    ],
)
def test_european_funds_lists_and_totals(title: str, summary: str, kind: str) -> None:
    assert extract(title, summary).kind == kind


def test_a_chinese_headline_that_describes_and_a_summary_that_names() -> None:
    # our sentences: Galbot (银河通用), CNY 700M angel round (June 2024)
    found = extract(
        "通用具身大模型机器人完成7亿元天使轮融资",
        "具身智能公司银河通用近日完成7亿元天使轮融资，资金将用于研发。",
    )
    assert (found.company, found.amount, found.round) == ("银河通用", 7e8, "seed")
    # a name the summary repeats is the name
    assert extract("银河通用完成7亿元天使轮融资", "银河通用近日完成融资。").company == "银河通用"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # our sentences: Harvey's talks at a $15B valuation (2025); a round said to be paused
        ("法律 AI 初创公司 Harvey 正洽谈融资，估值达 150 亿美元", "rumor"),
        ("DeepSeek 新一轮融资或暂停", "rumor"),
    ],
)
def test_chinese_valuations_and_rounds_not_done(title: str, kind: str) -> None:
    assert extract(title).kind == kind


def test_a_chinese_investor_list_ends_before_duofang() -> None:
    # our sentence: Molardata (恺望数据), 2025 strategic round led by three investors
    found = extract(
        "恺望数据完成逾亿元战略融资",
        "本轮由北京亦庄产业升级基金、华方资本、天际资本多方领投，资金用于数据平台。",
    )
    assert found.lead_investors == ("北京亦庄产业升级基金", "华方资本", "天际资本")


@pytest.mark.parametrize(
    ("title", "summary", "investors"),
    [
        # our sentences: Nvidia's $1.5B into SB Energy (2025), GAC Capital in Tec-Do (2025), a
        # fund named with its manager, and clause words that are no investors
        ("英伟达宣布向SB Energy投资15亿美元", "", ("英伟达",)),
        (
            "钛动科技完成新一轮融资",
            "本轮投资方包括广汽(HK2238)资本、金沙江创投。",
            ("广汽资本", "金沙江创投"),
        ),
        (
            "仁迈生物完成C轮融资",
            "本轮由含元建投基金、安芙兰资本管理的黄山战新基金投资。",
            ("含元建投基金", "黄山战新基金"),
        ),
    ],
)
def test_chinese_investors_as_subject_with_stock_codes_and_managers(
    title: str, summary: str, investors: tuple
) -> None:
    assert extract(title, summary).investors == investors


@pytest.mark.parametrize(
    ("title", "summary", "company"),
    [
        # our sentences: Jeff Dean among SkyPilot's backers (2026); Yunfeng Fund's $30M in Corgi
        ("Jeff Dean 参投，伯克利开源项目 SkyPilot 转型初创", "", "SkyPilot"),
        (
            "马云旗下基金2.34亿港元投资旧金山AI保险初创公司",
            "云锋基金此次参与AI保险初创公司 Corgi 的融资，投入约3000万美元。",
            "Corgi",
        ),
    ],
)
def test_chinese_latin_names_beside_investors_and_descriptions(
    title: str, summary: str, company: str
) -> None:
    assert extract(title, summary).company == company


@pytest.mark.parametrize(
    ("title", "company", "investors"),
    [
        # our Japanese sentences: SmartBank's Series B (2024), Ubie (2023, Goldman Sachs and
        # NVentures), ispace (JAFCO among its backers), ELYZA and KDDI (2024), Spiber and the Cool
        # Japan Fund (2021), MakersHub's seed (ANRI, East Ventures)
        (
            "株式会社スマートバンクは、シリーズBラウンドにおいて、第三者割当増資による総額30億円の資金調達を実施しました",
            "スマートバンク",
            (),
        ),
        (
            "Ubieが41億円調達、ゴールドマン・サックスやNVenturesが出資",
            "Ubie",
            ("ゴールドマン・サックス", "NVentures"),
        ),
        ("ispace、JAFCOらから7億円を資金調達", "ispace", ("JAFCO",)),
        ("AI新興のELYZA、50億円調達 KDDIなどから", "ELYZA", ("KDDI",)),
        ("Spiberが100億円の資金調達、クールジャパン機構など", "Spiber", ("クールジャパン機構",)),
        ("MakersHub、1億円を調達——ANRI、East Venturesから", "MakersHub", ("ANRI", "East Ventures")),
    ],
)
def test_japanese_release_topics_and_who_paid(title: str, company: str, investors: tuple) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.investors) == ("funding", company, investors)


@pytest.mark.parametrize(
    ("title", "company", "amount", "investors"),
    [
        # our German ticker lines: Celonis' $1B Series D (2021), Aleph Alpha's $500M with Bosch
        # and SAP (2023), Flink's $750M (2021), N26's $900M (2021), Trade Republic's $900M (2021),
        # Scalable Capital and Tencent (2021), Daniel Ek backing Helsing (2021), Gorillas becoming a
        # unicorn (2021), Parloa's $66M Series B (2024)
        ("Celonis: 1 Milliarde Dollar für das Münchner Startup", "Celonis", 1e9, ()),
        (
            "Aleph Alpha: 500 Millionen Dollar von Bosch und SAP",
            "Aleph Alpha",
            5e8,
            ("Bosch", "SAP"),
        ),
        ("Millionen für das Münchner Startup Celonis", "Celonis", None, ()),
        ("Neues Geld für Flink: Lieferdienst sammelt 750 Millionen Dollar ein", "Flink", 7.5e8, ()),
        ("Kapital für N26: Die Smartphone-Bank sichert sich 900 Millionen Dollar", "N26", 9e8, ()),
        (
            "Investoren stecken 900 Millionen Dollar in das Berliner Startup Trade Republic",
            "Trade Republic",
            9e8,
            (),
        ),
        (
            "Scalable Capital erhält frisches Kapital von Tencent",
            "Scalable Capital",
            None,
            ("Tencent",),
        ),
        ("Helsing bekommt Geld von Spotify-Gründer Daniel Ek", "Helsing", None, ("Daniel Ek",)),
        ("Berliner Startup Gorillas wird zum Einhorn", "Gorillas", None, ()),
        ("Series-B-Runde: Parloa sammelt 66 Millionen Dollar", "Parloa", 6.6e7, ()),
        ("Zehn Millionen Euro für ein Berliner Fintech", None, 1e7, ()),
        # Movinga's EUR 17M rescue round (2016), told with its name as a rubric
        (
            "Movinga: Investoren pumpen 17 Millionen Euro in deutsches Umzugs-Startup",
            "Movinga",
            1.7e7,
            (),
        ),
    ],
)
def test_german_ticker_lines(
    title: str, company: str | None, amount: float | None, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.amount) == ("funding", company, amount)
    assert found.investors == investors


@pytest.mark.parametrize(
    "title",
    [
        "Millionen für deutsche Startups: Der Bund legt einen neuen Fonds auf",
        "Geld für Forschung: Universität erhält 10 Millionen Euro",
        "Tesla investiert in die Fabrik in Grünheide",
    ],
)
def test_german_money_for_things_is_no_round(title: str) -> None:
    assert extract(title).kind != "funding"


@pytest.mark.parametrize(
    ("title", "kind", "company", "amount", "leads"),
    [
        # our Japanese sentences: Ubie's Series C led by Goldman Sachs (2023), SoftBank Group's
        # planned investment in OpenAI (2025), a described startup's sum (Sakana AI, 2024), and
        # Reiwa Travel's JPY 4.8B (2024) with a description after the deal
        (
            "Ubie、シリーズCで41億円　ゴールドマン・サックス主導",
            "funding",
            "Ubie",
            4.1e9,
            ("ゴールドマン・サックス",),
        ),
        ("ソフトバンクG、OpenAIに最大300億ドル出資へ", "rumor", "OpenAI", 3e10, ()),
        ("創業1年のAIスタートアップが200億円を集めた理由", "funding", None, 2e10, ()),
        ("「令和トラベル」48億円調達、海外旅行アプリ", "funding", "令和トラベル", 4.8e9, ()),
    ],
)
def test_japanese_stage_sums_investors_first_and_described_companies(
    title: str, kind: str, company: str | None, amount: float, leads: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.amount) == (kind, company, amount)
    assert found.lead_investors == leads
    assert "海外旅行アプリ" not in found.investors


@pytest.mark.parametrize(
    ("title", "company", "amount", "investors"),
    [
        # our Korean sentences: Ably's KRW 100B from Alibaba (2025), Kakao Mobility and TPG
        # (2021), Upstage's Series B (2024), FuriosaAI at a KRW 1T valuation (2024), MyRealTrip's
        # Series F (2024) under a rubric, a company the story keeps anonymous
        ("에이블리, 알리바바로부터 1000억원 투자 받아", "에이블리", 1e11, ("알리바바",)),
        ("카카오모빌리티, TPG로부터 5000억 투자 받는다", "카카오모빌리티", 5e11, ("TPG",)),
        ("업스테이지, 시리즈B서 1000억 조달", "업스테이지", 1e11, ()),
        ("퓨리오사AI, 기업가치 1조 인정받고 800억 투자 유치", "퓨리오사AI", 8e10, ()),
        ("[더벨]마이리얼트립, 시리즈F 투자 유치 마무리", "마이리얼트립", None, ()),
        ("스타트업 A사, 50억 시드 투자 유치", None, 5e9, ()),
    ],
)
def test_korean_money_received_raised_and_rubrics(
    title: str, company: str | None, amount: float | None, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.amount, found.investors) == (
        "funding",
        company,
        amount,
        investors,
    )


@pytest.mark.parametrize(
    ("title", "company", "leads", "investors"),
    [
        # our Chinese sentences: Tencent backing Metaso (秘塔科技, 2024), Xiaomi and Sequoia China
        # backing robot makers, 01.AI's round led by Alibaba Cloud (2023), StepFun's round (2024)
        ("腾讯出手，投了AI搜索公司秘塔科技", "秘塔科技", (), ("腾讯",)),
        ("小米投了一家机器人公司", None, (), ("小米",)),
        ("红杉中国又投了一家具身智能公司，金额达数亿元", None, (), ("红杉中国",)),
        ("零一万物获阿里云领投", "零一万物", ("阿里云",), ("阿里云",)),
        ("这家AI公司拿到了阿里的投资", None, (), ("阿里",)),
    ],
)
def test_chinese_colloquial_investments(
    title: str, company: str | None, leads: tuple, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.lead_investors) == ("funding", company, leads)
    assert found.investors == investors


def test_a_chinese_report_cue_is_no_part_of_the_name() -> None:
    assert extract("阶跃星辰被曝完成数亿美元融资").company == "阶跃星辰"


@pytest.mark.parametrize(
    ("title", "kind", "company", "investors"),
    [
        # our Japanese sentences: Sony Innovation Fund backing AstroX (2024), newmo's JPY 6.3B
        # (2024) with a quoted aside after the deal, Kyle Vogt's The Bot Company (2025), a listed
        # maker's green bond, a year's total
        ("ソニー、AstroXに投資", "funding", "AstroX", ("ソニー",)),
        ("newmoが63億円の資金調達、新会社設立も　代表は“異例の人選”", "funding", "newmo", ()),
        (
            "自動運転クルーズの元CEOが「ロボット新会社」で234億円調達",
            "funding",
            None,
            (),
        ),
        ("旭化成、水力発電の改修でグリーンボンド発行へ 100億円を予定", "other", None, ()),
        ("物流スタートアップ、19年調達63億ドル。5年で17倍", "other", None, ()),
    ],
)
def test_japanese_investments_asides_people_bonds_and_totals(
    title: str, kind: str, company: str | None, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.investors) == (kind, company, investors)


def test_a_japanese_investment_with_a_later_clause_and_a_relative_clause_before_the_name() -> None:
    # our sentence: Sparkle (a Fukushima fund) investing in AstroX (2024)
    found = extract("スパークル、空中発射方式によるロケットを開発するAstroXに投資 地域の挑戦を支援")
    assert (found.kind, found.company, found.investors) == ("funding", "AstroX", ("スパークル",))


@pytest.mark.parametrize(
    ("title", "company", "investors"),
    [
        # our sentences: Mujin's Series C (2023) with a dash before who paid, HAKKI AFRICA's
        # credit line (2024), a service's operator named after it (Axelspace, 2023)
        (
            "東京拠点のMujin、総額約161億円を調達——ゴールドマン・サックスらが出資",
            "Mujin",
            ("ゴールドマン・サックス",),
        ),
        ("アフリカ向けバイク融資のHAKKI AFRICA、2億円の融資枠を獲得", "HAKKI AFRICA", ()),
        ("「AxelGlobe」運営のアクセルスペース、シリーズCで20億円を調達", "アクセルスペース", ()),
        # investors named first who put money into a company are not it
        (
            "フォードとBMWが全固体電池のSolid Powerに142.2億円を投入",
            "Solid Power",
            ("フォード", "BMW"),
        ),
    ],
)
def test_japanese_dashes_credit_lines_and_operators(
    title: str, company: str, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company) == ("funding", company)
    assert set(investors) <= set(found.investors)


@pytest.mark.parametrize(
    "title",
    [
        "정부, 딥테크 스타트업에 1조원 투자",  # public money into a kind of company
        "중기부, 팁스 기업에 500억 지원",
    ],
)
def test_korean_money_into_many_companies_is_no_round(title: str) -> None:
    assert extract(title).kind != "funding"


def test_a_chinese_morning_digest_and_a_round_under_way() -> None:
    # three stories in one line under a digest's label; a round said under way (Unitree, 2025)
    assert extract("【钛晨报】央行降准；小米发布新车；智谱完成融资").kind == "other"
    found = extract("宇树科技被曝正在进行新一轮融资")
    assert (found.kind, found.company) == ("rumor", "宇树科技")


@pytest.mark.parametrize(
    ("title", "company", "amount", "investors"),
    [
        # our sentences: Alan's EUR 183M (2022) told as "Name : money pour …", Nubank's $750M
        # with Berkshire Hathaway (2021)
        ("Alan : 183 millions d'euros pour l'assurtech", "Alan", 1.83e8, ()),
        (
            "Nubank capta US$ 750 milhões com Berkshire Hathaway",
            "Nubank",
            7.5e8,
            ("Berkshire Hathaway",),
        ),
    ],
)
def test_european_name_colon_money_and_money_with_an_investor(
    title: str, company: str, amount: float, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.amount, found.investors) == (
        "funding",
        company,
        amount,
        investors,
    )


def test_a_chinese_feature_names_the_company_in_its_funding_section() -> None:
    # our sentences in the shape of a new-project column: Galbot's angel round (2024)
    found = extract(
        "做通用机器人大脑的公司，融资数亿元｜新项目",
        "一句话介绍：做具身大模型的公司。它推出了新产品。团队来自北大。"
        "融资情况 近日，银河通用已完成数亿元天使轮融资，投资方包括多家产业资本。",
    )
    assert (found.kind, found.company) == ("funding", "银河通用")


@pytest.mark.parametrize(
    ("title", "kind", "company", "investors"),
    [
        # our Korean sentences: CNT Tech's seed investments (2026), SNU Holdings backing a robotics
        # startup, an accelerator's promise to many companies
        ("피부 관리를 AI로…씨엔티테크, ‘필리데이’ 투자", "funding", "필리데이", ("씨엔티테크",)),
        (
            "서울대기술지주, 로봇 AI를 어디서나 돌린다…바이스트라타 투자",
            "funding",
            "바이스트라타",
            ("서울대기술지주",),
        ),
        ("와디즈파트너스, 소셜벤처 10곳 키운다…최소 1곳에 1억원 이상 투자", "other", None, ()),
    ],
)
def test_korean_investors_opening_the_headline(
    title: str, kind: str, company: str | None, investors: tuple
) -> None:
    found = extract(title)
    assert (found.kind, found.company, found.investors) == (kind, company, investors)


@pytest.mark.parametrize(
    "title",
    [
        # our sentences: an investor's return, a backed company shutting a business, a newsletter
        "Lemfi's $53 million Series B delivers 29x return for an early backer",
        "Mastercard Backed Instamojo Shuts Core Payments Business",
    ],
)
def test_returns_and_described_backers_are_no_round(title: str) -> None:
    assert extract(title).kind != "funding"


def test_a_newsletter_issue_is_no_feature_on_a_round() -> None:
    found = extract(
        "TechCabal Daily – Absa poaches again", "Moniepoint has raised $110 million in Series C."
    )
    assert found.kind != "funding"


def test_japanese_investors_who_joined_the_round() -> None:
    # our sentences: SmartHR's Series D (2021), led by Light Street Capital, Sequoia Capital China
    # and Teachers' Venture Growth among those who joined
    found = extract(
        "SmartHR、シリーズDで156億円を調達",
        "SmartHRは、シリーズDラウンドで156億円を調達した。このラウンドはLight Street Capitalがリードし、"
        "Sequoia Capital Chinaが参加した。",
    )
    assert (found.lead_investors, found.investors) == (
        ("Light Street Capital",),
        ("Light Street Capital", "Sequoia Capital China"),
    )
    found = extract(
        "SmartHR、シリーズDで156億円を調達",
        "リードインベスターはLight Street Capitalで、ラウンドにはSequoia Capital ChinaとTeachers' Venture"
        " Growthが参加した。",
    )
    assert found.investors == (
        "Light Street Capital",
        "Sequoia Capital China",
        "Teachers' Venture Growth",
    )


@pytest.mark.parametrize(
    ("title", "summary", "company"),
    [
        # our sentences: Jobandtalent's EUR 100M led by SoftBank (2021), Ledger's EUR 380M (2021)
        (
            "Una startup española cierra una ronda millonaria",
            "La madrileña Jobandtalent ha cerrado una ronda de 100 millones de euros liderada por"
            " SoftBank.",
            "Jobandtalent",
        ),
        (
            "Une pépite française boucle un tour de table",
            "La start-up Ledger a levé 380 millions d'euros auprès de 10T Holdings.",
            "Ledger",
        ),
    ],
)
def test_european_summaries_in_the_perfect_tense(title: str, summary: str, company: str) -> None:
    found = extract(title, summary)
    assert (found.kind, found.company) == ("funding", company)


def test_a_hindi_description_before_the_name_is_dropped() -> None:
    # our sentence: Jar's INR 180 crore (2023)
    found = extract("फिनटेक स्टार्टअप जार ने 180 करोड़ रुपये की फंडिंग जुटाई")
    assert (found.kind, found.company, found.amount, found.currency) == (
        "funding",
        "जार",
        1.8e9,
        "INR",
    )


def test_a_chinese_round_led_through_huode_and_a_round_told_as_before() -> None:
    # our sentences: Moonshot AI's $1B led by Alibaba (2024)
    found = extract("月之暗面获得阿里巴巴领投的10亿美元融资")
    assert (found.lead_investors, found.investors) == (("阿里巴巴",), ("阿里巴巴",))
    assert extract("完成B轮融资后，这家公司首次亮相").kind != "funding"


@pytest.mark.parametrize(
    "title",
    [
        "스타트업 투자 유치 전략 세미나 개최",  # an event
        "쿠팡, 물류센터에 1조 투자",  # money into a site
        "투자 유치 후 첫 신제품…에이블리, 여름 컬렉션 공개",  # the round came before
        "시리즈B 투자 유치한 뤼튼, 일본 진출",  # a description, no sum
    ],
)
def test_korean_events_sites_and_rounds_told_in_passing(title: str) -> None:
    assert extract(title).kind != "funding"
