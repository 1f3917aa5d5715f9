"""Companies listed on a stock exchange for many years: money going into them is a share sale,
a bond, a subsidy or a strategic stake, never a startup's round ("Intel is getting a $2 billion
investment from SoftBank", "Micron's $6.1 billion grant confirmed").

Only companies public long before the news dealbot reads (listed before 2015), so a company that
was private when an old story ran ("Toyota invests $500M in Uber", 2018) is not here. Names as
`bot.keys.company_key` makes them.
"""

from __future__ import annotations

from bot.keys import company_key

_NAMES = """
Apple, Microsoft, Alphabet, Google, Amazon, Meta, Facebook, Intel, Micron, Nvidia, AMD, Qualcomm,
Broadcom, IBM, Oracle, Cisco, Salesforce, Adobe, SAP, Samsung, Samsung Electronics, Sony, Toyota,
Honda, Nissan, GM, General Motors, Ford, Boeing, Airbus, Deere, John Deere, Caterpillar, Walmart,
Costco, Disney, Comcast, Netflix, Verizon, AT&T, Vodafone, Siemens, Volkswagen, BMW,
Mercedes-Benz, Daimler, Stellantis, Nokia, Ericsson, Philips, Unilever, Nestle, Procter & Gamble,
Johnson & Johnson, Pfizer, Merck, Novartis, Roche, AstraZeneca, GSK, Sanofi, Bayer, Eli Lilly,
JPMorgan, Goldman Sachs, Morgan Stanley, Citigroup, Bank of America, HSBC, Barclays, Visa,
Mastercard, eBay, Alibaba, Tencent, Baidu, Xiaomi, Lenovo, TSMC, SK Hynix, LG Electronics,
Hyundai, SoftBank Group, Reliance Industries, Tata Motors, Infosys, Wipro, Bharti Airtel, Airtel,
MicroStrategy, Texas Instruments, Applied Materials, Dell, HP, Hewlett Packard Enterprise,
Panasonic, Hitachi, Fujitsu, Canon, Nintendo, Walgreens, CVS, UnitedHealth, Exxon, ExxonMobil,
Chevron, Shell,
BP, TotalEnergies, General Electric, GE, Honeywell, 3M, Lockheed Martin, Raytheon, Starbucks,
McDonald's, Nike, Coca-Cola, PepsiCo, Tesla, Naver, SK Telecom, KT, Rakuten,
Wynn Resorts, Las Vegas Sands, MGM Resorts, Marriott, Hilton, Delta Air Lines, United Airlines,
American Airlines, FedEx, UPS, Wesco, Home Depot, Kroger, Best Buy, Accenture, ABB,
Schneider Electric, Rio Tinto, BHP, Glencore, ArcelorMittal, Renault, Hyundai Motor, LG Chem,
POSCO, Mitsubishi, Mitsui, Sumitomo, Toshiba, NEC, Kyocera, Murata, Tokyo Electron, Foxconn,
Hon Hai, MediaTek, Infineon, STMicroelectronics, NXP, ASML, Telefonica, Deutsche Telekom,
Metaplanet,
苹果, 微软, 谷歌, 亚马逊, 英伟达, 英特尔, 腾讯, 阿里巴巴, 百度, 京东, 小米, 联想, 三星, 索尼,
丰田, 软银集团, 台积电, 特斯拉, 삼성전자, 네이버, ソフトバンクグループ, トヨタ, ソニー
"""
LISTED = frozenset(company_key(n) for n in _NAMES.replace("\n", " ").split(",") if n.strip())


def is_listed(company: str | None) -> bool:
    """Is this one of the long-listed companies above (by normalised name)?"""
    return bool(company) and company_key(company or "") in LISTED
