#!/usr/bin/env python3
"""Writes the sample partner file drops in partners/ (deterministic).

Four partners' exports as they really arrive: one in GBK with Chinese headers,
one from Excel (UTF-8 with BOM, CRLF), one plain UTF-8, with customers that
appear at two partners under slightly different spellings, local phone
formats, odd e-mail case and spaces, quoted fields with commas, quotes and
line breaks, and a few broken rows. Run it from anywhere:

    python3 config/sample-data/generate.py

The expected counts it prints are what connectors/csv_drop/tests check.
"""

import csv
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "partners")
rng = random.Random(20240501)

# --- names ---------------------------------------------------------------

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
            ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
            ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao"),
            ("林", "Lin"), ("罗", "Luo"), ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"),
            ("唐", "Tang"), ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao")]
GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("秀英", "Xiuying"), ("敏", "Min"), ("静", "Jing"),
         ("丽", "Li"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("勇", "Yong"),
         ("艳", "Yan"), ("杰", "Jie"), ("娟", "Juan"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"),
         ("秀兰", "Xiulan"), ("霞", "Xia"), ("平", "Ping"), ("刚", "Gang"), ("桂英", "Guiying"),
         ("浩然", "Haoran"), ("欣怡", "Xinyi"), ("子涵", "Zihan"), ("梓萱", "Zixuan"), ("一诺", "Yinuo"),
         ("俊杰", "Junjie"), ("建国", "Jianguo"), ("晓东", "Xiaodong"), ("海燕", "Haiyan")]
CN_COMPANIES = ["上海华东电子有限公司", "杭州云帆科技有限公司", "苏州精工机械有限公司", "南京金陵贸易有限公司",
                "深圳前海供应链管理有限公司", "北京中关村软件园服务有限公司", "成都天府食品有限公司",
                "武汉光谷光电有限公司", "广州珠江纺织品进出口有限公司", "宁波港城物流有限公司"]
CN_CITIES = [("上海", "021"), ("北京", "010"), ("杭州", "0571"), ("南京", "025"), ("苏州", "0512"),
             ("广州", "020"), ("深圳", "0755"), ("成都", "028"), ("武汉", "027"), ("宁波", "0574")]
CN_STREETS = ["世纪大道", "南京西路", "漕溪北路", "中山东一路", "人民路", "解放路", "长安街", "天府大道",
              "珞喻路", "文三路"]
MAIL_HOSTS = ["163.com", "qq.com", "126.com", "sina.com", "foxmail.com", "aliyun.com"]
CN_TIERS = ["金牌", "银牌", "普通", "普通", "普通"]

DE_FIRST = ["Anna", "Lukas", "Jonas", "Leonie", "Sophie", "Maximilian", "Felix", "Lena", "Jürgen", "Günther",
            "Sabine", "Katrin", "Stefan", "Andreas", "Thomas", "Ursula", "Björn", "Jörg"]
DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
           "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
           "Braun", "Krüger", "Hartmann", "Lange", "Köhler", "Weiß"]
UK_FIRST = ["Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Charlotte", "Siobhan", "Rhys"]
UK_LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Roberts", "O'Brien",
           "Davies", "MacDonald"]
FR_FIRST = ["Camille", "Léa", "Théo", "Chloé", "Élodie", "François"]
FR_LAST = ["Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Fontaine"]
US_FIRST = ["Michael", "Jennifer", "David", "Jessica", "Daniel", "Ashley", "Kevin", "Emily", "Brian", "Priya"]
US_LAST = ["Johnson", "Garcia", "Nguyen", "Lee", "Kim", "Patel", "Martinez", "Anderson", "Thompson"]
EU_COMPANIES = ["Bergmann Maschinenbau GmbH", "Nordlicht Logistik AG", "Weber & Söhne KG",
                "Thames Valley Supplies Ltd", "Highland Textiles plc", "Atelier Lumière SARL",
                "Rheinland Feinkost GmbH", "Albion Digital Ltd", ""]
US_COMPANIES = ["Golden Gate Imports LLC", "Bay Area Robotics Inc.", "Pacific Rim Foods, Inc.", ""]


def umlaut_ascii(text):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return text


def odd_case_email(email):
    """The same address as another system typed it."""
    kind = rng.randrange(3)
    if kind == 0:
        return email.upper()
    if kind == 1:
        local, host = email.split("@")
        return local.capitalize() + "@" + host.upper() + " "
    return "  " + email


# --- phones --------------------------------------------------------------

def cn_mobile_digits():
    return rng.choice(["138", "139", "135", "136", "150", "152", "158", "186", "187", "189"]) + \
        "".join(rng.choice("0123456789") for _ in range(8))


def cn_mobile_formats(d):
    return [f"{d[:3]}-{d[3:7]}-{d[7:]}", d, f"+86 {d[:3]} {d[3:7]} {d[7:]}", f"+86-{d}", f"{d[:3]} {d[3:7]} {d[7:]}"]


def cn_landline(area):
    number = "".join(rng.choice("23456789") for _ in range(1)) + "".join(rng.choice("0123456789") for _ in range(7))
    return rng.choice([f"({area}) {number[:4]} {number[4:]}", f"{area}-{number}", f"+86 {area[1:]} {number}"])


# --- customers -----------------------------------------------------------

def make_cn_customers(count):
    people = []
    fixed = [(SURNAMES[2], GIVEN[0]), (SURNAMES[0], GIVEN[1]), (SURNAMES[1], GIVEN[2])]  # 张伟, 王芳, 李娜
    used = set()
    for i in range(count):
        if i < len(fixed):
            sur, giv = fixed[i]
        else:
            while True:
                sur, giv = rng.choice(SURNAMES), rng.choice(GIVEN)
                if (sur[0] + giv[0]) not in used:
                    break
        used.add(sur[0] + giv[0])
        city, area = rng.choice(CN_CITIES)
        mobile = cn_mobile_digits()
        email = f"{sur[1].lower()}{giv[1].lower()}{rng.randint(1, 999)}@{rng.choice(MAIL_HOSTS)}"
        company = rng.choice(CN_COMPANIES) if rng.random() < 0.45 else ""
        people.append({
            "sur": sur, "giv": giv, "city": city, "area": area, "mobile": mobile, "email": email,
            "company": company,
            "address": f"{city}市{rng.choice(CN_STREETS)}{rng.randint(1, 999)}号",
            "tier": rng.choice(CN_TIERS),
            "updated": f"2024/{rng.randint(3, 4)}/{rng.randint(1, 28)} {rng.randint(8, 19)}:{rng.randint(0, 59):02d}",
        })
    return people


def make_eu_customers(count):
    people = []
    for _ in range(count):
        region = rng.choices(["DE", "UK", "FR"], weights=[6, 3, 1])[0]
        if region == "DE":
            first, last = rng.choice(DE_FIRST), rng.choice(DE_LAST)
            phone = rng.choice([f"030 {rng.randint(1000000, 99999999)}", f"+49 (0)89 {rng.randint(100000, 9999999)}",
                                f"0171 {rng.randint(1000000, 9999999)}", f"089/{rng.randint(100000, 9999999)}",
                                f"+49 40 {rng.randint(100000, 99999999)}"])
            city, postcode = rng.choice([("Berlin", "10115"), ("München", "80331"), ("Hamburg", "20095"),
                                         ("Köln", "50667"), ("Frankfurt am Main", "60311")])
            country = rng.choice(["DE", "Germany", "Deutschland"])
            street = f"{rng.choice(['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Lindenallee'])} {rng.randint(1, 120)}"
        elif region == "UK":
            first, last = rng.choice(UK_FIRST), rng.choice(UK_LAST)
            phone = rng.choice([f"020 7946 {rng.randint(1000, 9999)}", f"+44 20 7946 {rng.randint(1000, 9999)}",
                                f"07700 900{rng.randint(100, 999)}", f"0161 496 {rng.randint(1000, 9999)}"])
            city, postcode = rng.choice([("London", "SW1A 1AA"), ("Manchester", "M1 1AE"), ("Edinburgh", "EH1 1YZ")])
            country = rng.choice(["UK", "United Kingdom", "GB"])
            street = f"{rng.randint(1, 200)} {rng.choice(['High Street', 'Station Road', 'Church Lane'])}"
        else:
            first, last = rng.choice(FR_FIRST), rng.choice(FR_LAST)
            phone = rng.choice([f"01 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                                f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"])
            city, postcode = "Paris", "75001"
            country = "France"
            street = f"{rng.randint(1, 80)} rue {rng.choice(['de Rivoli', 'Saint-Honoré', 'du Bac'])}"
        host = rng.choice(["gmail.com", "web.de", "gmx.de", "outlook.com", "yahoo.co.uk", "orange.fr"])
        email = f"{umlaut_ascii(first).lower()}.{umlaut_ascii(last).lower().replace(chr(39), '')}@{host}"
        people.append({
            "first": first, "last": last, "email": email, "phone": phone, "company": rng.choice(EU_COMPANIES),
            "street": street, "city": city, "postcode": postcode, "country": country,
            "tier": rng.choice(["Gold", "Silver", "Bronze", "Bronze", "gold "]),
            "updated": f"{rng.randint(1, 28):02d}.{rng.randint(3, 4):02d}.2024 {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}",
        })
    return people


def csv_text(header, rows, line_end):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=line_end)
    writer.writerow(header)
    for row in rows:
        if isinstance(row, str):  # a raw, deliberately broken line
            out.write(row + line_end)
        else:
            writer.writerow(row)
    return out.getvalue()


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


expected = {}


def huadong(cn):
    """华东商贸: its own ERP export, GBK, Chinese headers, CRLF."""
    header = ["客户编号", "客户名称", "手机", "固定电话", "电子邮箱", "公司", "城市", "地址", "等级", "更新时间"]
    rows = []
    rejected = 0
    for i, p in enumerate(cn):
        mobile = rng.choice(cn_mobile_formats(p["mobile"]))
        email = p["email"] if rng.random() < 0.8 else odd_case_email(p["email"])
        landline = cn_landline(p["area"]) if rng.random() < 0.3 else ""
        address = p["address"]
        if i == 7:
            address = f"{p['city']}市漕溪北路88号, 3楼 301室"  # a comma: quoted
        if i == 12:
            address = f"{p['city']}市人民路18号\n（近地铁站）"  # a line break inside quotes
        if i == 20:
            mobile = "1380013"  # too short: lands, the daemon flags it
        if i == 33:
            email = "wangfang@@qq.com"
        rows.append([f"HD{10001 + i}", p["sur"][0] + p["giv"][0], mobile, landline, email, p["company"],
                     p["city"], address, p["tier"], p["updated"]])
    rows.insert(40, ["", "赵敏", "139-1234-5678", "", "zhaomin@163.com", "", "上海", "上海市长安街1号", "普通",
                     "2024/4/2 9:00"])  # no id
    rejected += 1
    write("huadong_kehu_20240501.csv", csv_text(header, rows, "\r\n").encode("gbk"))
    expected["huadong_customers"] = {"records": len(rows) - rejected, "rejections": rejected}


def eurotrade_customers(eu):
    """EuroTrade GmbH: the partner template saved from Excel: UTF-8 with BOM, CRLF."""
    header = ["Customer ID", "First Name", "Last Name", "Email", "Phone", "Company", "Street", "City",
              "Postcode", "Country", "Tier", "Last Modified"]
    rows = []
    for i, p in enumerate(eu):
        street = p["street"]
        if i == 5:
            street = p["street"] + ", Hinterhaus, 2. OG"
        if i == 9:
            street = p["street"] + "\nc/o Empfang"
        company = p["company"]
        if i == 14:
            company = 'Schmidt "Die Feinmechaniker" GmbH'  # doubled quotes
        phone = "n/a" if i == 22 else p["phone"]
        rows.append([f"ET-{2000 + i}", p["first"], p["last"], p["email"], phone, company, street, p["city"],
                     p["postcode"], p["country"], p["tier"], p["updated"]])
    # An unquoted comma in the company: one field too many.
    rows.insert(30, "ET-9001,Rolf,Bauer,rolf.bauer@web.de,030 5550123,Bauer, Sohn & Partner,Ringstraße 4,"
                    "Berlin,10115,DE,Silver,02.04.2024 10:00")
    data = "\ufeff" + csv_text(header, rows, "\r\n")
    write("eurotrade_customers_2024-05-02.csv", data.encode("utf-8"))
    expected["customers:eurotrade"] = {"records": len(rows) - 1, "rejections": 1}
    return rows


def pacific_customers(cn, eu):
    """Pacific Link: the partner template, plain UTF-8, LF, trailing empty lines."""
    header = ["Customer ID", "First Name", "Last Name", "Email", "Phone", "Company", "Street", "City",
              "Postcode", "Country", "Tier", "Last Modified"]
    rows = []
    # Customers Huadong also has, as Pacific Link typed them.
    for n, p in enumerate(cn[:24]):
        d = p["mobile"]
        if n % 3 == 0:
            first, last = p["giv"][1], p["sur"][1]  # pinyin
        elif n % 3 == 1:
            first, last = p["giv"][0], p["sur"][0] + " "
        else:
            first, last = p["giv"][0], p["sur"][0]
        phone = rng.choice([f"+86 {d[:3]} {d[3:7]} {d[7:]}", f"0086{d}", f"({d[:3]}) {d[3:7]}-{d[7:]}"])
        rows.append([f"PL{500 + n}", first, last, odd_case_email(p["email"]), phone, p["company"],
                     p["address"], p["city"], "", "CN", rng.choice(["A", "B", "C"]),
                     f"2024-04-{rng.randint(10, 30)}T{rng.randint(8, 20):02d}:15:00+08:00"])
    # Customers EuroTrade also has.
    for n, p in enumerate(eu[:8]):
        rows.append([f"PL{600 + n}", p["first"], umlaut_ascii(p["last"]), p["email"].upper(),
                     p["phone"].replace("(0)", "").replace("/", " "), p["company"], p["street"], p["city"],
                     p["postcode"], p["country"], "B", "2024-04-29T11:00:00Z"])
    # Their own customers: China and the US.
    for n in range(70):
        if n % 2 == 0:
            sur, giv = rng.choice(SURNAMES), rng.choice(GIVEN)
            d = cn_mobile_digits()
            first, last = giv[0], sur[0]
            email = f"{giv[1].lower()}.{sur[1].lower()}{rng.randint(10, 99)}@{rng.choice(MAIL_HOSTS)}"
            phone = rng.choice(cn_mobile_formats(d))
            city, country, postcode = rng.choice(CN_CITIES)[0], "CN", ""
            street = f"{city}市{rng.choice(CN_STREETS)}{rng.randint(1, 500)}号"
            company = rng.choice(CN_COMPANIES + [""])
        else:
            first, last = rng.choice(US_FIRST), rng.choice(US_LAST)
            email = f"{first[0].lower()}{last.lower()}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'yahoo.com', 'icloud.com'])}"
            phone = rng.choice([f"(415) 555-01{rng.randint(10, 99)}", f"415.555.01{rng.randint(10, 99)}",
                                f"+1 212-555-01{rng.randint(10, 99)}", f"650 555 01{rng.randint(10, 99)}"])
            city, country, postcode = rng.choice([("San Francisco", "US", "94105"), ("New York", "USA", "10001"),
                                                  ("Palo Alto", "United States", "94301")])
            street = f"{rng.randint(100, 999)} {rng.choice(['Market St', 'Mission St', 'Broadway'])}"
            company = rng.choice(US_COMPANIES)
        if n == 3:
            street = 'Building "A", Floor 3\nTech Park'  # quotes, comma and a line break
        if n == 11:
            phone = "12345"  # not a phone number: lands, the daemon flags it
        rows.append([f"PL{700 + n}", first, last, email, phone, company, street, city, postcode, country,
                     rng.choice(["A", "B", "C"]), f"2024-05-0{rng.randint(1, 3)}T09:30:00+08:00"])
    rows.insert(50, ["", "Kevin", "Lee", "kevin.lee@gmail.com", "(415) 555-0177", "", "1 Market St",
                     "San Francisco", "94105", "US", "C", "2024-05-01T10:00:00Z"])  # no id
    rows.insert(60, "PL799,Lisa,Wong,lisa.wong@gmail.com,(650) 555-0100")  # cut short
    data = csv_text(header, rows, "\n") + "\n\n"
    write("pacificlink_customers_20240503.csv", data.encode("utf-8"))
    expected["customers:pacificlink"] = {"records": len(rows) - 2, "rejections": 2}


def eurotrade_orders(eu):
    """EuroTrade orders: one row per order line, UTF-8 with BOM, CRLF."""
    header = ["Order No", "Customer ID", "Order Date", "Status", "Currency", "SKU", "Item", "Qty",
              "Unit Price", "Line Total", "Order Total"]
    products = [("ET-1001", "Industrie-Sensor IS-200", "129.00"), ("ET-1002", "Montagekit, komplett", "49.90"),
                ("ET-2001", "Kabel 5 m", "12.50"), ("ET-2002", 'Display 24" matt', "219.00"),
                ("ET-3005", "Wartungsvertrag (12 Monate)", "480.00"), ("ET-4100", "Ersatzfilter", "8.75")]
    rows = []
    orders = 0
    for n in range(64):
        customer = f"ET-{2000 + rng.randrange(len(eu))}"
        lines = rng.sample(products, rng.randint(1, 4))
        quantities = [rng.randint(1, 12) for _ in lines]
        total = sum(int(q) * float(p[2]) for q, p in zip(quantities, lines))
        date = f"2024-04-{rng.randint(1, 30):02d} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
        if n == 17:
            date = "31.02.2024"  # no such day: lands, the daemon rejects it
        status = rng.choice(["paid", "shipped", "shipped", "delivered", "cancelled"])
        order_total = f"{total:.2f}"
        if n == 23:
            order_total = "1O5,0O"  # letter O for zero: lands, the daemon rejects it
        for (sku, item, price), qty in zip(lines, quantities):
            rows.append([f"SO-{24000 + n}", customer, date, status, "EUR", sku, item, str(qty), price,
                         f"{qty * float(price):.2f}", order_total])
        orders += 1
    # A line with its item's comma unquoted, inside an order: rejected, the order lands without it.
    split_at = next(i for i, r in enumerate(rows) if r[0] == "SO-24030")
    rows.insert(split_at + 1, "SO-24030,ET-2003,2024-04-12 10:00,paid,EUR,ET-1002,Montagekit, komplett,1,49.90,"
                              "49.90,49.90")
    rows.append(["", "ET-2004", "2024-04-30 09:00", "paid", "EUR", "ET-4100", "Ersatzfilter", "2", "8.75", "17.50",
                 "17.50"])  # no order number
    data = "\ufeff" + csv_text(header, rows, "\r\n")
    write("eurotrade_orders_2024-05-02.csv", data.encode("utf-8"))
    expected["orders"] = {"records": orders, "rejections": 2, "rows": len(rows)}


def eurotrade_feedback():
    """EuroTrade survey answers: UTF-8, LF."""
    header = ["Feedback ID", "Customer ID", "Order No", "Type", "Score", "Comment", "Received"]
    comments = ["Schnelle Lieferung, alles bestens.", "Verpackung war beschädigt, Inhalt aber ok.",
                'Der "Montagekit" war unvollständig; bitte Schrauben nachliefern.',
                "Great service,\nwill order again.", "", "Rechnung kam doppelt.", "Top!", "交货很快，谢谢！"]
    rows = []
    for n in range(24):
        kind = rng.choice(["nps", "nps", "csat", "complaint"])
        score = str(rng.randint(0, 10)) if kind == "nps" else str(rng.randint(1, 5)) if kind == "csat" else ""
        if n == 9:
            score = "zehn"  # lands, the daemon rejects the score
        rows.append([f"FB-{300 + n}", f"ET-{2000 + rng.randrange(40)}", f"SO-{24000 + rng.randrange(64)}", kind,
                     score, rng.choice(comments), f"2024-05-{rng.randint(1, 9):02d}T{rng.randint(8, 20):02d}:00:00Z"])
    rows.insert(12, "FB-399,ET-2001,SO-24001,nps")  # cut short
    write("eurotrade_feedback_2024-05-10.csv", csv_text(header, rows, "\n").encode("utf-8"))
    expected["feedback"] = {"records": len(rows) - 1, "rejections": 1}


def main():
    os.makedirs(OUT, exist_ok=True)
    cn = make_cn_customers(118)
    eu = make_eu_customers(86)
    huadong(cn)
    eurotrade_customers(eu)
    pacific_customers(cn, eu)
    eurotrade_orders(eu)
    eurotrade_feedback()
    for stream, counts in expected.items():
        print(f"{stream}: {counts}")


if __name__ == "__main__":
    main()
