#include "synthetic_backfill.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace crmsync::bench {
namespace {

// The pools are large enough that different customers rarely share a name, an
// address, an e-mail address or a phone number by accident (the identity resolver
// would rightly merge them): 100 × 157 Latin names, 60 × 8,190 Chinese ones,
// postcodes drawn from each city's range, 24-40 streets per country.

struct Spelled {
  std::string_view text;   // as written
  std::string_view ascii;  // for e-mail addresses and re-spellings ("Müller" -> "mueller")
};

// Names by language; German ones include Turkish names, common in Germany.
constexpr auto kGermanGiven =
    std::to_array<Spelled>({{"Leonie", "leonie"},   {"Lukas", "lukas"},   {"Günther", "guenther"},
                            {"Jürgen", "juergen"},  {"Anna", "anna"},     {"Maximilian", "maximilian"},
                            {"Sophie", "sophie"},   {"Marie", "marie"},   {"Paul", "paul"},
                            {"Hannah", "hannah"},   {"Jonas", "jonas"},   {"Emma", "emma"},
                            {"Felix", "felix"},     {"Björn", "bjoern"},  {"Charlotte", "charlotte"},
                            {"Mia", "mia"},         {"Lena", "lena"},     {"Katharina", "katharina"},
                            {"Sabine", "sabine"},   {"Ursula", "ursula"}, {"Monika", "monika"},
                            {"Andreas", "andreas"}, {"Stefan", "stefan"}, {"Wolfgang", "wolfgang"},
                            {"Dieter", "dieter"},   {"Jörg", "joerg"},    {"Tobias", "tobias"},
                            {"Niklas", "niklas"},   {"Sören", "soeren"},  {"Käthe", "kaethe"},
                            {"Ayşe", "ayse"},       {"Mehmet", "mehmet"}});
constexpr auto kFrenchGiven = std::to_array<Spelled>({{"Élodie", "elodie"},
                                                      {"François", "francois"},
                                                      {"Zoë", "zoe"},
                                                      {"Amélie", "amelie"},
                                                      {"Hélène", "helene"},
                                                      {"Chloé", "chloe"},
                                                      {"Léa", "lea"},
                                                      {"Camille", "camille"},
                                                      {"Mathis", "mathis"},
                                                      {"Théo", "theo"},
                                                      {"Jérôme", "jerome"},
                                                      {"Céline", "celine"},
                                                      {"Benoît", "benoit"},
                                                      {"Gaëlle", "gaelle"}});
constexpr auto kSpanishGiven = std::to_array<Spelled>({{"José", "jose"},
                                                       {"María", "maria"},
                                                       {"Lucía", "lucia"},
                                                       {"Javier", "javier"},
                                                       {"Sofía", "sofia"},
                                                       {"Alejandro", "alejandro"},
                                                       {"Carmen", "carmen"},
                                                       {"Ángel", "angel"},
                                                       {"Raúl", "raul"},
                                                       {"Inés", "ines"}});
constexpr auto kItalianGiven = std::to_array<Spelled>({{"Giulia", "giulia"},
                                                       {"Marco", "marco"},
                                                       {"Francesca", "francesca"},
                                                       {"Luca", "luca"},
                                                       {"Alessandro", "alessandro"},
                                                       {"Chiara", "chiara"},
                                                       {"Giovanni", "giovanni"},
                                                       {"Niccolò", "niccolo"},
                                                       {"Matteo", "matteo"},
                                                       {"Elena", "elena"}});
constexpr auto kPolishGiven = std::to_array<Spelled>({{"Łukasz", "lukasz"},
                                                      {"Małgorzata", "malgorzata"},
                                                      {"Katarzyna", "katarzyna"},
                                                      {"Piotr", "piotr"},
                                                      {"Agnieszka", "agnieszka"},
                                                      {"Wojciech", "wojciech"},
                                                      {"Zofia", "zofia"},
                                                      {"Krzysztof", "krzysztof"},
                                                      {"Paweł", "pawel"},
                                                      {"Jakub", "jakub"}});
constexpr auto kDutchGiven = std::to_array<Spelled>({{"Daan", "daan"},
                                                     {"Sanne", "sanne"},
                                                     {"Bram", "bram"},
                                                     {"Femke", "femke"},
                                                     {"Lotte", "lotte"},
                                                     {"Thijs", "thijs"},
                                                     {"Anouk", "anouk"},
                                                     {"Maarten", "maarten"}});
constexpr auto kBritishGiven = std::to_array<Spelled>({{"Oliver", "oliver"},
                                                       {"George", "george"},
                                                       {"Harry", "harry"},
                                                       {"Amelia", "amelia"},
                                                       {"Olivia", "olivia"},
                                                       {"Isla", "isla"},
                                                       {"Jack", "jack"},
                                                       {"Emily", "emily"},
                                                       {"Charlie", "charlie"},
                                                       {"Thomas", "thomas"},
                                                       {"Jessica", "jessica"},
                                                       {"James", "james"},
                                                       {"William", "william"},
                                                       {"Grace", "grace"},
                                                       {"Siobhan", "siobhan"},
                                                       {"Rhys", "rhys"}});
constexpr auto kGermanFamily = std::to_array<Spelled>(
    {{"Müller", "mueller"},      {"Schmidt", "schmidt"},   {"Schneider", "schneider"},
     {"Fischer", "fischer"},     {"Weiß", "weiss"},        {"Wagner", "wagner"},
     {"Becker", "becker"},       {"Hoffmann", "hoffmann"}, {"Schäfer", "schaefer"},
     {"Koch", "koch"},           {"Richter", "richter"},   {"Klein", "klein"},
     {"Schröder", "schroeder"},  {"Neumann", "neumann"},   {"Meyer", "meyer"},
     {"Weber", "weber"},         {"Schulz", "schulz"},     {"Bauer", "bauer"},
     {"Wolf", "wolf"},           {"Schwarz", "schwarz"},   {"Zimmermann", "zimmermann"},
     {"Braun", "braun"},         {"Krüger", "krueger"},    {"Hofmann", "hofmann"},
     {"Hartmann", "hartmann"},   {"Lange", "lange"},       {"Schmitt", "schmitt"},
     {"Werner", "werner"},       {"Schmitz", "schmitz"},   {"Krause", "krause"},
     {"Meier", "meier"},         {"Lehmann", "lehmann"},   {"Schmid", "schmid"},
     {"Schulze", "schulze"},     {"Maier", "maier"},       {"Köhler", "koehler"},
     {"Herrmann", "herrmann"},   {"König", "koenig"},      {"Walter", "walter"},
     {"Mayer", "mayer"},         {"Huber", "huber"},       {"Kaiser", "kaiser"},
     {"Fuchs", "fuchs"},         {"Peters", "peters"},     {"Lang", "lang"},
     {"Scholz", "scholz"},       {"Möller", "moeller"},    {"Jung", "jung"},
     {"Hahn", "hahn"},           {"Schubert", "schubert"}, {"Vogel", "vogel"},
     {"Friedrich", "friedrich"}, {"Keller", "keller"},     {"Günther", "guenther"},
     {"Frank", "frank"},         {"Berger", "berger"},     {"Winkler", "winkler"},
     {"Roth", "roth"},           {"Beck", "beck"},         {"Lorenz", "lorenz"},
     {"Baumann", "baumann"},     {"Franke", "franke"},     {"Albrecht", "albrecht"},
     {"Schuster", "schuster"},   {"Böhm", "boehm"},        {"Winter", "winter"},
     {"Krämer", "kraemer"},      {"Jäger", "jaeger"},      {"Groß", "gross"},
     {"Kühn", "kuehn"},          {"Yılmaz", "yilmaz"},     {"Kaya", "kaya"},
     {"Demir", "demir"},         {"Öztürk", "ozturk"}});
constexpr auto kFrenchFamily = std::to_array<Spelled>({{"Dubois", "dubois"},
                                                       {"Martin", "martin"},
                                                       {"Bernard", "bernard"},
                                                       {"Lefèvre", "lefevre"},
                                                       {"Moreau", "moreau"},
                                                       {"Laurent", "laurent"},
                                                       {"Girard", "girard"},
                                                       {"Rousseau", "rousseau"},
                                                       {"Leroy", "leroy"},
                                                       {"Fournier", "fournier"},
                                                       {"Mercier", "mercier"},
                                                       {"Bonnet", "bonnet"},
                                                       {"Lambert", "lambert"},
                                                       {"Faure", "faure"},
                                                       {"Chevalier", "chevalier"}});
constexpr auto kSpanishFamily = std::to_array<Spelled>({{"García", "garcia"},
                                                        {"Fernández", "fernandez"},
                                                        {"López", "lopez"},
                                                        {"Martínez", "martinez"},
                                                        {"Sánchez", "sanchez"},
                                                        {"Pérez", "perez"},
                                                        {"Gómez", "gomez"},
                                                        {"Rodríguez", "rodriguez"},
                                                        {"Muñoz", "munoz"},
                                                        {"Jiménez", "jimenez"},
                                                        {"Hernández", "hernandez"}});
constexpr auto kItalianFamily = std::to_array<Spelled>({{"Rossi", "rossi"},
                                                        {"Russo", "russo"},
                                                        {"Ferrari", "ferrari"},
                                                        {"Esposito", "esposito"},
                                                        {"Bianchi", "bianchi"},
                                                        {"Romano", "romano"},
                                                        {"Colombo", "colombo"},
                                                        {"Ricci", "ricci"},
                                                        {"Marino", "marino"},
                                                        {"Greco", "greco"},
                                                        {"Bruno", "bruno"},
                                                        {"Conti", "conti"}});
constexpr auto kPolishFamily = std::to_array<Spelled>({{"Nowak", "nowak"},
                                                       {"Kowalski", "kowalski"},
                                                       {"Wiśniewski", "wisniewski"},
                                                       {"Wójcik", "wojcik"},
                                                       {"Kowalczyk", "kowalczyk"},
                                                       {"Kamiński", "kaminski"},
                                                       {"Lewandowski", "lewandowski"},
                                                       {"Zieliński", "zielinski"},
                                                       {"Szymański", "szymanski"},
                                                       {"Woźniak", "wozniak"},
                                                       {"Dąbrowski", "dabrowski"}});
constexpr auto kDutchFamily = std::to_array<Spelled>({{"Jansen", "jansen"},
                                                      {"Janssen", "janssen"},
                                                      {"Bakker", "bakker"},
                                                      {"Visser", "visser"},
                                                      {"Smit", "smit"},
                                                      {"Meijer", "meijer"},
                                                      {"Mulder", "mulder"},
                                                      {"Bos", "bos"},
                                                      {"Dekker", "dekker"}});
constexpr auto kBritishFamily = std::to_array<Spelled>(
    {{"Smith", "smith"},       {"Jones", "jones"},   {"Taylor", "taylor"},     {"O'Brien", "obrien"},
     {"Evans", "evans"},       {"Brown", "brown"},   {"Williams", "williams"}, {"Wilson", "wilson"},
     {"Johnson", "johnson"},   {"Davies", "davies"}, {"Robinson", "robinson"}, {"Wright", "wright"},
     {"Thompson", "thompson"}, {"Walker", "walker"}, {"White", "white"},       {"Hughes", "hughes"},
     {"Edwards", "edwards"},   {"Green", "green"},   {"Hall", "hall"},         {"Wood", "wood"},
     {"Harris", "harris"},     {"Clarke", "clarke"}, {"Patel", "patel"},       {"Murphy", "murphy"},
     {"O'Connor", "oconnor"}});

template <typename T, std::size_t... N>
constexpr std::array<T, (N + ...)> joined(const std::array<T, N>&... parts) {
  std::array<T, (N + ...)> all{};
  auto out = all.begin();
  ((out = std::copy(parts.begin(), parts.end(), out)), ...);
  return all;
}
constexpr auto kLatinGiven = joined(kGermanGiven, kFrenchGiven, kSpanishGiven, kItalianGiven, kPolishGiven,
                                    kDutchGiven, kBritishGiven);
// No names with particles ("de Vries"): a duplicate's re-spelling is the ASCII form.
constexpr auto kLatinFamily = joined(kGermanFamily, kFrenchFamily, kSpanishFamily, kItalianFamily,
                                     kPolishFamily, kDutchFamily, kBritishFamily);
// Pinyin collisions (徐 and 许 are both xu) are real and stay.
constexpr auto kChineseFamily = std::to_array<Spelled>(
    {{"王", "wang"},  {"李", "li"},    {"张", "zhang"}, {"刘", "liu"},      {"陈", "chen"},
     {"杨", "yang"},  {"黄", "huang"}, {"赵", "zhao"},  {"吴", "wu"},       {"周", "zhou"},
     {"徐", "xu"},    {"孙", "sun"},   {"马", "ma"},    {"朱", "zhu"},      {"胡", "hu"},
     {"郭", "guo"},   {"何", "he"},    {"林", "lin"},   {"罗", "luo"},      {"高", "gao"},
     {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"},   {"宋", "song"},     {"唐", "tang"},
     {"许", "xu"},    {"韩", "han"},   {"冯", "feng"},  {"邓", "deng"},     {"曹", "cao"},
     {"彭", "peng"},  {"曾", "zeng"},  {"肖", "xiao"},  {"田", "tian"},     {"董", "dong"},
     {"袁", "yuan"},  {"潘", "pan"},   {"于", "yu"},    {"蒋", "jiang"},    {"蔡", "cai"},
     {"余", "yu"},    {"杜", "du"},    {"叶", "ye"},    {"程", "cheng"},    {"苏", "su"},
     {"魏", "wei"},   {"吕", "lv"},    {"丁", "ding"},  {"任", "ren"},      {"沈", "shen"},
     {"姚", "yao"},   {"卢", "lu"},    {"钟", "zhong"}, {"谭", "tan"},      {"范", "fan"},
     {"金", "jin"},   {"石", "shi"},   {"廖", "liao"},  {"欧阳", "ouyang"}, {"司马", "sima"}});
// Characters of given names; a given name is one or two of them (晓明 -> xiaoming).
constexpr auto kChineseGivenCharacters = std::to_array<Spelled>(
    {{"伟", "wei"},   {"芳", "fang"}, {"娜", "na"},    {"敏", "min"},  {"静", "jing"}, {"丽", "li"},
     {"强", "qiang"}, {"磊", "lei"},  {"军", "jun"},   {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"},
     {"杰", "jie"},   {"娟", "juan"}, {"涛", "tao"},   {"明", "ming"}, {"超", "chao"}, {"秀", "xiu"},
     {"英", "ying"},  {"华", "hua"},  {"建", "jian"},  {"志", "zhi"},  {"晓", "xiao"}, {"婷", "ting"},
     {"欣", "xin"},   {"怡", "yi"},   {"子", "zi"},    {"涵", "han"},  {"浩", "hao"},  {"然", "ran"},
     {"宇", "yu"},    {"轩", "xuan"}, {"梓", "zi"},    {"萱", "xuan"}, {"雨", "yu"},   {"佳", "jia"},
     {"俊", "jun"},   {"鹏", "peng"}, {"辉", "hui"},   {"平", "ping"}, {"刚", "gang"}, {"玲", "ling"},
     {"桂", "gui"},   {"红", "hong"}, {"霞", "xia"},   {"燕", "yan"},  {"斌", "bin"},  {"波", "bo"},
     {"鑫", "xin"},   {"琳", "lin"},  {"颖", "ying"},  {"慧", "hui"},  {"思", "si"},   {"文", "wen"},
     {"博", "bo"},    {"嘉", "jia"},  {"欢", "huan"},  {"晨", "chen"}, {"阳", "yang"}, {"海", "hai"},
     {"东", "dong"},  {"峰", "feng"}, {"亮", "liang"}, {"凯", "kai"},  {"雪", "xue"},  {"梅", "mei"},
     {"兰", "lan"},   {"婉", "wan"},  {"楠", "nan"},   {"悦", "yue"},  {"瑶", "yao"},  {"琪", "qi"},
     {"诗", "shi"},   {"雅", "ya"},   {"天", "tian"},  {"逸", "yi"},   {"泽", "ze"},   {"睿", "rui"},
     {"家", "jia"},   {"宁", "ning"}, {"国", "guo"},   {"立", "li"},   {"春", "chun"}, {"秋", "qiu"},
     {"云", "yun"},   {"飞", "fei"},  {"成", "cheng"}, {"彤", "tong"}, {"昊", "hao"},  {"琦", "qi"}});

// Two spellings with one ASCII form (Zoë, Zoe) would give unrelated customers lookalike e-mail addresses.
template <std::size_t N>
constexpr bool distinct_ascii(const std::array<Spelled, N>& pool) {
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = i + 1; j < N; ++j) {
      if (pool[i].ascii == pool[j].ascii) return false;
    }
  }
  return true;
}
static_assert(distinct_ascii(kLatinGiven) && distinct_ascii(kLatinFamily));

// A German city, its postcodes (a customer gets any one in the range; not all exist) and its
// dialling area without the trunk 0.
struct GermanPlace {
  std::string_view city;
  std::size_t first_postcode;
  std::size_t last_postcode;
  std::string_view area;
};
constexpr auto kGermanPlaces = std::to_array<GermanPlace>({{"Berlin", 10115, 14199, "30"},
                                                           {"München", 80331, 81929, "89"},
                                                           {"Hamburg", 20095, 22769, "40"},
                                                           {"Frankfurt am Main", 60306, 60599, "69"},
                                                           {"Köln", 50667, 51149, "221"},
                                                           {"Stuttgart", 70173, 70629, "711"},
                                                           {"Leipzig", 4103, 4357, "341"},
                                                           {"Düsseldorf", 40210, 40629, "211"},
                                                           {"Dortmund", 44135, 44388, "231"},
                                                           {"Essen", 45127, 45359, "201"},
                                                           {"Bremen", 28195, 28779, "421"},
                                                           {"Dresden", 1067, 1328, "351"},
                                                           {"Hannover", 30159, 30669, "511"},
                                                           {"Nürnberg", 90402, 90491, "911"},
                                                           {"Duisburg", 47051, 47279, "203"},
                                                           {"Bochum", 44787, 44894, "234"},
                                                           {"Wuppertal", 42103, 42399, "202"},
                                                           {"Bielefeld", 33602, 33739, "521"},
                                                           {"Bonn", 53111, 53229, "228"},
                                                           {"Münster", 48143, 48167, "251"},
                                                           {"Mannheim", 68159, 68309, "621"},
                                                           {"Karlsruhe", 76131, 76229, "721"},
                                                           {"Augsburg", 86150, 86199, "821"},
                                                           {"Kiel", 24103, 24159, "431"},
                                                           {"Freiburg im Breisgau", 79098, 79117, "761"}});
// A Chinese city: the first three digits of its postcodes (the other three are random) and its
// dialling area without the trunk 0 (all of these take eight-digit landline numbers).
struct ChinesePlace {
  std::string_view city;
  std::string_view postcode_prefix;
  std::string_view area;
};
constexpr auto kChinesePlaces = std::to_array<ChinesePlace>(
    {{"上海", "200", "21"},  {"北京", "100", "10"},  {"深圳", "518", "755"}, {"广州", "510", "20"},
     {"杭州", "310", "571"}, {"南京", "210", "25"},  {"武汉", "430", "27"},  {"成都", "610", "28"},
     {"天津", "300", "22"},  {"重庆", "400", "23"},  {"西安", "710", "29"},  {"苏州", "215", "512"},
     {"长沙", "410", "731"}, {"郑州", "450", "371"}, {"青岛", "266", "532"}, {"沈阳", "110", "24"},
     {"大连", "116", "411"}, {"济南", "250", "531"}, {"宁波", "315", "574"}, {"昆明", "650", "871"}});
// A British city: outward codes of its postcode districts (space-separated), its dialling area
// without the trunk 0 and the first digits of subscriber numbers in use there (libphonenumber
// rejects the others). London's numbers have eight digits after 020, the 01x1 areas' seven.
struct BritishPlace {
  std::string_view city;
  std::string_view outward_codes;
  std::string_view area;
  std::string_view first_digits;
};
constexpr auto kBritishPlaces = std::to_array<BritishPlace>(
    {{"London", "EC1A EC2M WC1E WC2H SW1A SW3 SW11 SE1 SE10 SE15 N1 N7 N16 NW1 NW3 E1 E2 E14 W1D W2 W11",
      "20", "378"},
     {"Birmingham", "B1 B2 B3 B4 B5 B12 B13 B15 B29 B30", "121", "234567"},
     {"Edinburgh", "EH1 EH2 EH3 EH4 EH6 EH7 EH8 EH9 EH10 EH11", "131", "23456"},
     {"Glasgow", "G1 G2 G3 G4 G11 G12 G20 G31 G41", "141", "2345678"},
     {"Liverpool", "L1 L2 L3 L8 L15 L17 L18 L25", "151", "2345678"},
     {"Manchester", "M1 M2 M3 M4 M13 M14 M15 M16 M20 M21", "161", "2345678"},
     {"Newcastle upon Tyne", "NE1 NE2 NE3 NE4 NE5 NE6 NE7", "191", "2345"},
     {"Leeds", "LS1 LS2 LS3 LS4 LS6 LS7 LS8 LS11 LS17", "113", "234"},
     {"Sheffield", "S1 S2 S3 S6 S7 S10 S11 S17", "114", "234"},
     {"Nottingham", "NG1 NG2 NG3 NG5 NG7 NG8", "115", "2789"},
     {"Leicester", "LE1 LE2 LE3 LE4 LE5", "116", "234"},
     {"Bristol", "BS1 BS2 BS3 BS4 BS5 BS6 BS7 BS8 BS9 BS16", "117", "9"},
     {"Reading", "RG1 RG2 RG4 RG6 RG30 RG31", "118", "9"}});
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";  // the letters of inward codes

constexpr auto kGermanStreets = std::to_array<std::string_view>(
    {"Hauptstraße",       "Bahnhofstraße",   "Lindenallee",  "Gartenweg",    "Schillerstraße",
     "Goethestraße",      "Dorfstraße",      "Schulstraße",  "Bergstraße",   "Birkenweg",
     "Waldstraße",        "Ringstraße",      "Kirchstraße",  "Mühlenweg",    "Feldstraße",
     "Rosenstraße",       "Lindenstraße",    "Am Markt",     "Parkstraße",   "Friedrichstraße",
     "Mozartstraße",      "Beethovenstraße", "Kantstraße",   "Poststraße",   "Wiesenweg",
     "Eichendorffstraße", "Industriestraße", "Blumenstraße", "Uhlandstraße", "Sonnenstraße",
     "Kastanienallee",    "Ahornweg",        "Tannenweg",    "Jahnstraße",   "Heinrich-Heine-Straße",
     "Karl-Marx-Straße",  "Kaiserstraße",    "Am Bahnhof",   "Rathausplatz", "Talstraße"});
constexpr auto kChineseStreets = std::to_array<std::string_view>(
    {"南京路", "长安街", "解放路", "天府大道", "中山路",   "人民路",   "建设路", "和平路",
     "胜利路", "东风路", "新华路", "文化路",   "朝阳路",   "光明路",   "幸福路", "青年路",
     "延安路", "淮海路", "黄河路", "长江路",   "解放大道", "滨江大道", "学府路", "花园路"});
constexpr auto kBritishStreets = std::to_array<std::string_view>(
    {"High Street",   "Station Road",   "Church Lane",   "Mill Road",       "Main Street",   "Park Road",
     "Church Road",   "London Road",    "Victoria Road", "Green Lane",      "Manor Road",    "Kings Road",
     "Queens Road",   "The Crescent",   "New Road",      "Grange Road",     "Park Avenue",   "Albert Road",
     "York Road",     "School Lane",    "Oxford Road",   "St John's Road",  "Chapel Street", "North Street",
     "Castle Street", "Highfield Road", "Windsor Road",  "Springfield Road"});
// Companies: a comma, a double quote and "&" among them exercise CSV quoting.
constexpr auto kGermanCompanies = std::to_array<std::string_view>({"Weber & Söhne KG",
                                                                   "Nordlicht Logistik AG",
                                                                   "Albion Digital Ltd",
                                                                   "Bergmann Maschinenbau GmbH",
                                                                   "Rhein-Main Handel GmbH",
                                                                   "Schulz, Krause & Partner",
                                                                   "Hansa Büroversorgung GmbH",
                                                                   "Schwarzwald Feinmechanik GmbH & Co. KG",
                                                                   "Elbtal Getränkevertrieb GmbH",
                                                                   "Kaufmann IT-Service e.K.",
                                                                   "Mosel Weinhandel GmbH",
                                                                   "Brandenburger Holzbau GmbH",
                                                                   "Ostsee Fischhandel GmbH",
                                                                   "Alpenblick Hotelbedarf GmbH",
                                                                   "Pfalz Agrartechnik GmbH",
                                                                   "Rheinland Elektro-Großhandel GmbH",
                                                                   "Sächsische Druckerei GmbH",
                                                                   "Isar Software Solutions GmbH",
                                                                   "Niederrhein Fliesen GmbH",
                                                                   "Westfalen Stahl AG",
                                                                   "Bodensee Medizintechnik GmbH",
                                                                   "Franken Kunststofftechnik GmbH",
                                                                   "Lüneburger Möbelwerkstätten GmbH"});
constexpr auto kChineseCompanies = std::to_array<std::string_view>(
    {"南京金陵贸易有限公司",     "武汉光谷光电有限公司", "深圳华强电子有限公司",
     "上海浦东物流有限公司",     "杭州西湖茶业有限公司", "北京中关村科技有限公司",
     "广州天河电子商务有限公司", "成都天府软件有限公司", "重庆山城机械制造有限公司",
     "天津港通国际物流有限公司", "苏州精密仪器有限公司", "西安古城文化传媒有限公司",
     "长沙湘江食品有限公司",     "郑州中原纺织有限公司", "青岛海滨啤酒贸易有限公司",
     "沈阳北方重工设备有限公司", "大连海星水产有限公司", "济南泉城医药有限公司",
     "宁波甬江模具有限公司",     "昆明春城花卉有限公司", "东莞长安五金制品厂",
     "华夏建材集团股份有限公司"});
constexpr auto kBritishCompanies =
    std::to_array<std::string_view>({"Thames Valley Supplies Ltd",  "Northern Rail Parts plc",
                                     "Bristol \"Harbour\" Traders", "Pennine Tools Ltd",
                                     "Smith, Jones & Co Ltd",       "Highland Whisky Merchants Ltd",
                                     "Mersey Marine Services Ltd",  "Tyne & Wear Engineering Ltd",
                                     "Clyde Valley Foods Ltd",      "Cotswold Garden Centre",
                                     "Yorkshire Textiles plc",      "Midland Metal Works Ltd",
                                     "Anglia Print Solutions Ltd",  "Sheffield Steel Fabrications Ltd",
                                     "Trent Valley Logistics Ltd",  "Severn Bridge Motors Ltd",
                                     "Lothian Legal Services LLP",  "Kensington Interiors Ltd",
                                     "Royal Oak Catering Ltd",      "The Old Mill Bakery",
                                     "Grampian Oil Tools Ltd",      "Dales Outdoor Gear Ltd"});
constexpr std::array<std::string_view, 5> kLatinDomains{"web.de", "gmx.de", "outlook.com", "gmail.com",
                                                        "t-online.de"};
constexpr std::array<std::string_view, 4> kChineseDomains{"qq.com", "163.com", "126.com", "sina.com"};
// Between given and family name in Latin e-mail addresses: anna.mueller, anna_mueller, annamueller.
constexpr std::array<std::string_view, 4> kLatinSeparators{".", ".", "_", ""};

// German mobile "areas" and the length of their subscriber numbers.
struct MobilePrefix {
  std::string_view prefix;
  std::size_t digits;
};
constexpr std::array<MobilePrefix, 3> kMobilePrefixes{{{"151", 8}, {"160", 7}, {"171", 7}}};
// Chinese mobile prefixes in service (libphonenumber accepts them all).
constexpr std::array<std::string_view, 20> kChineseMobilePrefixes{
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
    "151", "152", "158", "159", "177", "180", "186", "187", "188", "199"};

struct Product {
  std::string_view sku;
  std::string_view description;
  std::int64_t unit_cents;
};
constexpr std::array<Product, 9> kProducts{{{"ET-2002", "Display 24\" matt", 21900},
                                            {"ET-2001", "Kabel 5 m", 1250},
                                            {"ET-4100", "Ersatzfilter", 875},
                                            {"ET-3005", "Wartungsvertrag (12 Monate)", 48000},
                                            {"ET-5010", "USB-C Dock, 8 Ports", 13999},
                                            {"HD-0101", "打印机墨盒 黑色", 8900},
                                            {"HD-0207", "办公椅（人体工学）", 129900},
                                            {"PL-7001", "Label printer", 24950},
                                            {"PL-7002", "Thermal labels, 1000 pcs", 1999}}};
constexpr std::array<std::string_view, 6> kOrderStatuses{"new",       "paid",      "shipped",
                                                         "delivered", "delivered", "cancelled"};
constexpr std::array<std::string_view, 7> kComments{"Great service,\nwill order again.",
                                                    "Rechnung kam doppelt.",
                                                    "送货很快，质量很好。",
                                                    "Lieferung verspätet, Ware aber in Ordnung",
                                                    "",
                                                    "The parcel arrived two weeks late.",
                                                    "客服态度一般，希望改进"};

constexpr std::int64_t kEpoch2023 = 1672531200;  // 2023-01-01T00:00:00Z
constexpr std::int64_t kYear = 365 * 86400;

template <typename T, std::size_t N>
const T& pick(const std::array<T, N>& pool, RecordRandom& random) {
  return pool[random.below(N)];
}

// One of the space-separated words of `words`.
std::string_view pick_word(std::string_view words, RecordRandom& random) {
  std::size_t begin = 0;
  const auto count = static_cast<std::size_t>(1 + std::count(words.begin(), words.end(), ' '));
  for (std::size_t skip = random.below(count); skip > 0; --skip) {
    begin = words.find(' ', begin) + 1;
  }
  return words.substr(begin, words.find(' ', begin) - begin);
}

char pick_char(std::string_view characters, RecordRandom& random) {
  return characters[random.below(characters.size())];
}

// A five-digit German postcode in the city's range, leading zeros kept (04109).
std::string german_postcode(const GermanPlace& place, RecordRandom& random) {
  const std::string code =
      std::to_string(place.first_postcode + random.below(place.last_postcode - place.first_postcode + 1));
  return std::string(5 - code.size(), '0') + code;
}

std::string uppered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string capitalised(std::string_view ascii) {
  std::string text(ascii);
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

enum : std::uint64_t { kCustomerKind = 1, kOrderKind = 2, kFeedbackKind = 3, kDuplicateKind = 4 };

}  // namespace

RecordRandom::RecordRandom(std::uint64_t seed, std::uint64_t kind, std::uint64_t number)
    : state_(seed * 0x9E3779B97F4A7C15ULL ^ (kind << 56) ^ (number * 0xD1B54A32D192ED03ULL)) {}

std::uint64_t RecordRandom::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string RecordRandom::digits(std::size_t count) {
  std::string out(count, '0');
  for (auto& digit : out) digit = static_cast<char>('0' + below(10));
  return out;
}

std::string SyntheticBackfill::customer_id(std::size_t number) const {
  const std::size_t alpha = shape_.alpha_customers;
  const std::size_t huadong = alpha + shape_.huadong_customers;
  const std::size_t base = shape_.base_customers();
  if (number < alpha) return "AL-" + std::to_string(100000 + number);
  if (number < huadong) return "HD" + std::to_string(1000000 + number - alpha);
  if (number < base) return "PL" + std::to_string(500000 + number - huadong);
  return "PL-R" + std::to_string(number - base);
}

std::string SyntheticBackfill::order_number(std::size_t number) const {
  return "SO-" + std::to_string(2400000 + number);
}

SyntheticCustomer SyntheticBackfill::customer(std::size_t number) const {
  SyntheticCustomer customer = number < shape_.base_customers() ? original(number) : duplicate(number);
  if (shape_.is_bad(number)) {
    // Kinds 0 and 1 add a rejected row after this one (an unquoted comma; no id).
    switch (shape_.bad_kind(number, 5)) {
      case 0:
        customer.rejected = RejectedRow::extra_field;
        break;
      case 1:
        customer.rejected = RejectedRow::missing_id;
        break;
      case 2:
        customer.bad = BadValue::email;
        break;
      case 3:
        customer.bad = BadValue::phone;
        break;
      default:
        customer.bad = BadValue::date;
        break;
    }
  }
  return customer;
}

SyntheticCustomer SyntheticBackfill::original(std::size_t number) const {
  RecordRandom random(shape_.seed, kCustomerKind, number);
  SyntheticCustomer c;
  c.number = number;
  c.external_id = customer_id(number);
  const std::size_t alpha = shape_.alpha_customers;
  const std::size_t huadong = alpha + shape_.huadong_customers;
  c.partner = number < alpha ? Partner::alpha : number < huadong ? Partner::huadong : Partner::pacific;
  switch (c.partner) {
    case Partner::alpha:
      c.chinese = random.chance(10);
      break;
    case Partner::huadong:
      c.chinese = true;
      break;
    case Partner::pacific:
      c.chinese = random.chance(50);
      break;
  }
  const bool british = c.partner == Partner::pacific && !c.chinese;
  const bool in_china = c.partner == Partner::huadong || (c.partner == Partner::pacific && c.chinese);
  if (c.chinese) {
    const auto& family = pick(kChineseFamily, random);
    c.family_name = family.text;
    c.family_ascii = family.ascii;
    // One character or, as most names given since the 1980s, two.
    for (std::size_t i = random.chance(25) ? 1 : 2; i > 0; --i) {
      const auto& character = pick(kChineseGivenCharacters, random);
      c.given_name += character.text;
      c.given_ascii += character.ascii;
    }
    c.full_name = c.family_name + c.given_name;
    c.email = c.family_ascii + c.given_ascii + random.digits(3 + random.below(2)) + "@" +
              std::string(pick(kChineseDomains, random));
  } else {
    const auto& given = pick(kLatinGiven, random);
    const auto& family = pick(kLatinFamily, random);
    c.given_name = given.text;
    c.given_ascii = given.ascii;
    c.family_name = family.text;
    c.family_ascii = family.ascii;
    c.full_name = c.given_name + " " + c.family_name;
    c.email = c.given_ascii + std::string(pick(kLatinSeparators, random)) + c.family_ascii +
              random.digits(2 + random.below(3)) + "@" + std::string(pick(kLatinDomains, random));
  }
  c.phone_style = static_cast<int>(random.below(6));
  if (in_china) {
    const auto& place = pick(kChinesePlaces, random);
    c.city = place.city;
    c.postcode = std::string(place.postcode_prefix) + random.digits(3);
    c.street = c.city + "市" + std::string(pick(kChineseStreets, random)) +
               std::to_string(1 + random.below(899)) + "号";
    c.phone = {"CN", "", std::string(pick(kChineseMobilePrefixes, random)) + random.digits(8)};
    if (random.chance(40)) {
      // Landline numbers start with 2-8, never 0 or 1.
      c.landline = "(0" + std::string(place.area) + ") " + std::to_string(2 + random.below(7)) +
                   random.digits(3) + " " + random.digits(4);
    }
    c.country = random.chance(50) ? "CN" : "中国";
    c.country_code = "CN";
    if (random.chance(55)) c.company = pick(kChineseCompanies, random);
  } else if (british) {
    const auto& place = pick(kBritishPlaces, random);
    c.city = place.city;
    c.postcode = std::string(pick_word(place.outward_codes, random)) + " " +
                 std::to_string(random.below(10)) + pick_char(kInwardLetters, random) +
                 pick_char(kInwardLetters, random);
    c.street = std::to_string(1 + random.below(200)) + " " + std::string(pick(kBritishStreets, random));
    // London numbers have eight digits after 020, the others seven after their area code.
    const char first = pick_char(place.first_digits, random);
    c.phone = {"GB", std::string(place.area),
               place.area == "20" ? first + random.digits(3) + " " + random.digits(4)
                                  : first + random.digits(2) + " " + random.digits(4)};
    c.country = random.chance(50) ? "United Kingdom" : "GB";
    c.country_code = "GB";
    if (random.chance(50)) c.company = pick(kBritishCompanies, random);
  } else {
    const auto& place = pick(kGermanPlaces, random);
    c.city = place.city;
    c.postcode = german_postcode(place, random);
    c.street = std::string(pick(kGermanStreets, random)) + " " + std::to_string(1 + random.below(150));
    if (random.chance(40)) {
      const auto& mobile = pick(kMobilePrefixes, random);
      c.phone = {"DE", std::string(mobile.prefix), random.digits(mobile.digits)};
    } else {
      c.phone = {"DE", std::string(place.area), random.digits(6 + random.below(2))};
    }
    c.country = random.chance(60) ? "Germany" : "Deutschland";
    c.country_code = "DE";
    if (random.chance(60)) c.company = pick(kGermanCompanies, random);
  }
  switch (c.partner) {
    case Partner::alpha:
      c.tier = std::array{"Gold", "Silver", "Bronze"}[random.below(3)];
      break;
    case Partner::huadong:
      c.tier = std::array{"VIP", "重点", "普通"}[random.below(3)];
      break;
    case Partner::pacific:
      c.tier = std::array{"A", "B", "C"}[random.below(3)];
      break;
  }
  c.updated_at = kEpoch2023 + static_cast<std::int64_t>(random.below(kYear));
  return c;
}

SyntheticCustomer SyntheticBackfill::duplicate(std::size_t number) const {
  RecordRandom random(shape_.seed, kDuplicateKind, number);
  const std::size_t originals = shape_.alpha_customers + shape_.huadong_customers;
  const std::size_t source = originals == 0 ? 0 : random.below(originals);
  SyntheticCustomer c = original(source);
  c.number = number;
  c.external_id = customer_id(number);
  c.partner = Partner::pacific;
  c.duplicate_of = source;
  if (c.chinese && random.chance(60)) {
    // Pinyin in the template's First/Last Name columns: 王伟 -> Wei Wang.
    c.family_name = capitalised(c.family_ascii);
    c.given_name = capitalised(c.given_ascii);
    c.full_name = c.given_name + " " + c.family_name;
  } else if (c.chinese) {
    c.family_name += " ";  // a trailing space the source system kept
  } else {
    c.family_name = capitalised(c.family_ascii);  // Müller -> Mueller; Schmidt stays
    c.full_name = c.given_name + " " + c.family_name;
  }
  switch (random.below(3)) {
    case 0:
      c.email = uppered(c.email);
      break;
    case 1:
      c.email = "  " + c.email;
      break;
    default:
      c.email = capitalised(c.email) + " ";
      break;
  }
  c.phone_style = static_cast<int>((static_cast<std::size_t>(c.phone_style) + 1 + random.below(4)) % 6);
  c.tier = std::array{"A", "B", "C"}[random.below(3)];
  if (c.country_code == "CN") c.country = "CN";
  c.updated_at += 86400 * static_cast<std::int64_t>(1 + random.below(30));
  c.landline.clear();
  return c;
}

SyntheticOrder SyntheticBackfill::order(std::size_t number) const {
  RecordRandom random(shape_.seed, kOrderKind, number);
  SyntheticOrder o;
  o.number = number;
  o.order_number = order_number(number);
  o.customer = shape_.customers == 0 ? 0 : random.below(shape_.customers);
  o.customer_ref = customer_id(o.customer);
  const std::string country = shape_.customers == 0 ? "DE" : customer(o.customer).country_code;
  o.currency = country == "CN" ? "CNY" : country == "GB" ? "GBP" : "EUR";
  o.ordered_at = kEpoch2023 + static_cast<std::int64_t>(random.below(kYear));
  o.status = pick(kOrderStatuses, random);
  const std::size_t lines = 1 + random.below(4);
  for (std::size_t i = 0; i < lines; ++i) {
    const auto& product = pick(kProducts, random);
    o.lines.push_back({std::string(product.sku), std::string(product.description),
                       static_cast<int>(1 + random.below(20)), product.unit_cents});
  }
  if (shape_.is_bad(number)) {
    if (shape_.bad_kind(number, 2) == 0) {
      o.rejected = RejectedRow::extra_field;  // an extra line row with an unquoted comma
    } else {
      o.bad = BadValue::amount;
    }
  }
  return o;
}

SyntheticFeedback SyntheticBackfill::feedback(std::size_t number) const {
  RecordRandom random(shape_.seed, kFeedbackKind, number);
  SyntheticFeedback f;
  f.number = number;
  f.external_id = "FB-" + std::to_string(300000 + number);
  if (shape_.orders > 0 && random.chance(70)) {
    const std::size_t order_number_index = random.below(shape_.orders);
    const SyntheticOrder about = order(order_number_index);
    f.customer = about.customer;
    f.order_ref = about.order_number;
    f.received_at = about.ordered_at + 86400 * static_cast<std::int64_t>(3 + random.below(20));
  } else {
    f.customer = shape_.customers == 0 ? 0 : random.below(shape_.customers);
    f.received_at = kEpoch2023 + static_cast<std::int64_t>(random.below(kYear));
  }
  f.customer_ref = customer_id(f.customer);
  switch (random.below(3)) {
    case 0:
      f.kind = "nps";
      f.score = static_cast<int>(random.below(11));
      break;
    case 1:
      f.kind = "csat";
      f.score = static_cast<int>(1 + random.below(5));
      break;
    default:
      f.kind = "complaint";
      break;
  }
  f.comment = pick(kComments, random);
  if (shape_.is_bad(number)) {
    if (shape_.bad_kind(number, 2) == 0) {
      f.rejected = RejectedRow::cut_short;
    } else {
      f.bad = BadValue::score;
      if (!f.score) {
        f.kind = "nps";
        f.score = 10;
      }
    }
  }
  return f;
}

}  // namespace crmsync::bench
