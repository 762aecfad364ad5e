/* gen/common.c — the tools every section of `wageguard gen` uses: error reporting, the sets that
 * keep IDs, cards and names unique, the output buffers' flush, personal names, USCCs, bank cards
 * and ID numbers, and the districts and banks of the reference data. Exports gen/internal.h's
 * common part. */
#include "gen/internal.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/err.h"
#include "util/ids.h"
#include "util/banned.h"

/* ---- reference data ---- */
const struct district gen_districts[] = {
	{"330102", "上城区", "上城", {"望江", "采荷", "四季青", "笕桥", "丁兰", "九堡"}},
	{"330105", "拱墅区", "拱墅", {"半山", "康桥", "祥符", "大关", "和睦", "石桥"}},
	{"330106", "西湖区", "西湖", {"三墩", "蒋村", "留下", "转塘", "双浦", "文新"}},
	{"330108", "滨江区", "滨江", {"长河", "西兴", "浦沿", "白马湖"}},
	{"330109", "萧山区", "萧山", {"闻堰", "瓜沥", "宁围", "新塘", "义桥", "湘湖"}},
	{"330110", "余杭区", "余杭", {"良渚", "仓前", "闲林", "五常", "瓶窑", "径山"}},
	{"330111", "富阳区", "富阳", {"银湖", "东洲", "富春", "新登", "场口"}},
	{"330112", "临安区", "临安", {"锦城", "青山湖", "於潜", "玲珑", "高虹"}},
	{"330113", "临平区", "临平", {"塘栖", "崇贤", "乔司", "星桥", "运河"}},
	{"330114", "钱塘区", "钱塘", {"下沙", "白杨", "河庄", "义蓬", "前进"}},
	{"330122", "桐庐县", "桐庐", {"桐君", "江南", "富春江", "分水"}},
	{"330127", "淳安县", "淳安", {"千岛湖", "威坪", "汾口", "文昌"}},
	{"330182", "建德市", "建德", {"新安江", "梅城", "寿昌", "乾潭"}},
};
const struct bank gen_banks[] = {
	{"ICBC", {"622202", "621226", "621558"}, 19, "1202", 19, 15},
	{"ABC", {"622848", "623052", "622845"}, 19, "19035", 17, 20},
	{"BOC", {"621661", "621785", "621790"}, 19, "36", 12, 10},
	{"CCB", {"621700", "622700", "436742"}, 19, "330501", 20, 15},
	{"BOCOM", {"622262", "622260", "622258"}, 19, "3310", 21, 8},
	{"PSBC", {"621799", "622188", "621098"}, 19, "9330", 19, 15},
	{"CMB", {"622588", "621483", "621286"}, 16, "571", 15, 7},
	{"CIB", {"622909", "622908", "622901"}, 18, "3560", 18, 5},
};
/* Character pools: every character is 3 bytes of UTF-8. */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
	"叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
	"贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
static const char male_chars[] =
	"伟强军勇杰涛明超刚平辉华建国文斌波林峰磊鹏飞海兵成德福贵春生志忠祥荣富东宏金永长新洪"
	"庆山水宝才发光良云俊亮龙江松虎家学小大玉保友全胜利安和顺民兴中正卫炳根清义双";
static const char female_chars[] = "芳娟敏静丽艳霞梅英兰玲燕琴萍凤红秀桂翠珍莲菊琳娜慧雪月花美香";
_Static_assert((sizeof(surnames) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(male_chars) - 1) % 3 == 0, "3-byte characters");
_Static_assert((sizeof(female_chars) - 1) % 3 == 0, "3-byte characters");

/* Counties of the big labour-exporting provinces (Sichuan, Henan, Anhui, Guizhou, Hunan,
 * Jiangxi, Chongqing) and a few local ones. */
static const char *const home_areas[] = {
	"510121", "510129", "511321", "511322", "511323", "511324", "511325", "510722", "511621",
	"511623", "511902", "511921", "511922", "511923", "512021", "411522", "411523", "411524",
	"411525", "411526", "411527", "411528", "411721", "411722", "411723", "411724", "411726",
	"411727", "411729", "411621", "411622", "411623", "411625", "411627", "411628", "411421",
	"411422", "411423", "411425", "341221", "341222", "341225", "341226", "341282", "341321",
	"341322", "341323", "341324", "341621", "341622", "341623", "340826", "340828", "341522",
	"341524", "520121", "520123", "520321", "520322", "520323", "520330", "520382", "520521",
	"520523", "520524", "520525", "520527", "430522", "430523", "430524", "430525", "430528",
	"431122", "431124", "431321", "431322", "431382", "430621", "430626", "360121", "360722",
	"360724", "360730", "360731", "360732", "360733", "360734", "361123", "361124", "361127",
	"361128", "361129", "500228", "500230", "500231", "500233", "500235", "500236", "500237",
	"500240", "330122", "330127", "330182",
};
#define NHOME ((int)(sizeof(home_areas) / sizeof(home_areas[0])))

/* ---- errors ---- */
int gen_fail(struct gen *g, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (g->errsz)
		vsnprintf(g->err, g->errsz, fmt, ap);
	va_end(ap);
	return status;
}

int gen_nomem(struct gen *g)
{
	return gen_fail(g, WG_ENOMEM, "out of memory");
}

int gen_hset_add(struct hset *h, uint64_t key)
{
	if (2 * (h->n + 1) > h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 1024;
		uint64_t *k = calloc(cap, sizeof(*k));
		if (!k)
			return -1;
		for (size_t i = 0; i < h->cap; i++) {
			if (!h->k[i])
				continue;
			size_t j = h->k[i] & (cap - 1);
			while (k[j])
				j = (j + 1) & (cap - 1);
			k[j] = h->k[i];
		}
		free(h->k);
		h->k = k;
		h->cap = cap;
	}
	size_t i = key & (h->cap - 1);
	while (h->k[i]) {
		if (h->k[i] == key)
			return 0;
		i = (i + 1) & (h->cap - 1);
	}
	h->k[i] = key;
	h->n++;
	return 1;
}

void gen_ob_flush(struct obuf *b)
{
	if (b->len && !b->err && fwrite(b->buf, 1, b->len, b->f) != b->len)
		b->err = errno ? errno : EIO;
	b->len = 0;
}

/* ---- small generators ---- */
void gen_put_char3(char **p, const char *pool, uint32_t i)
{
	memcpy(*p, pool + 3 * i, 3);
	*p += 3;
}

/* A Chinese personal name: common surnames more often, one or two given characters. */
void gen_person_name(struct rng *r, bool male, char out[16])
{
	uint32_t ns = (sizeof(surnames) - 1) / 3;
	const char *pool = male ? male_chars : female_chars;
	uint32_t np = (uint32_t)((male ? sizeof(male_chars) : sizeof(female_chars)) - 1) / 3;
	uint32_t a = rng_below(r, ns), b = rng_below(r, ns);
	char *p = out;

	gen_put_char3(&p, surnames, a < b ? a : b);
	gen_put_char3(&p, pool, rng_below(r, np));
	if (rng_below(r, 4))
		gen_put_char3(&p, pool, rng_below(r, np));
	*p = '\0';
}

void gen_digits(struct rng *r, char *p, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (char)('0' + rng_below(r, 10));
}

/* GB 11714 organisation-code check character over 8 characters of 0-9A-Z. */
static char orgcode_check(const char *s)
{
	static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (s[i] <= '9' ? s[i] - '0' : s[i] - 'A' + 10) * w[i];
	int c = 11 - sum % 11;
	return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

/* A unique USCC: "91" (enterprise), the region code, an organisation code (old style: eight
 * digits; new style: "MA" and six characters) with its own check, and the GB 32100 check. */
int gen_make_uscc(struct gen *g, struct rng *r, const char *region, char out[19])
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	for (;;) {
		out[0] = '9';
		out[1] = '1';
		memcpy(out + 2, region, 6);
		if (rng_below(r, 2)) {
			out[8] = 'M';
			out[9] = 'A';
			for (int i = 10; i < 16; i++)
				out[i] = alpha[rng_below(r, 31)];
		} else {
			gen_digits(r, out + 8, 8);
			out[8] = (char)('1' + rng_below(r, 7));
		}
		out[16] = orgcode_check(out + 8);
		out[17] = uscc_check_char(out);
		out[18] = '\0';
		int added = gen_hset_add(&g->ids, hash_bytes(out, 18));
		if (added < 0)
			return gen_nomem(g);
		if (added)
			return 0;
	}
}

static char luhn_check(const char *s, int n)
{
	int sum = 0;
	for (int i = n - 1, dbl = 1; i >= 0; i--, dbl ^= 1) {
		int d = s[i] - '0';
		if (dbl) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

/* A unique, Luhn-valid debit card number of bank b. */
int gen_make_card(struct gen *g, struct rng *r, int b, char out[20])
{
	const struct bank *bk = &gen_banks[b];
	for (;;) {
		const char *bin = bk->bins[rng_below(r, 3)];
		size_t bl = strlen(bin);
		memcpy(out, bin, bl);
		gen_digits(r, out + bl, bk->card_len - 1 - (int)bl);
		out[bk->card_len - 1] = luhn_check(out, bk->card_len - 1);
		out[bk->card_len] = '\0';
		int added = gen_hset_add(&g->cards, hash_bytes(out, (size_t)bk->card_len));
		if (added < 0)
			return gen_nomem(g);
		if (added)
			return 0;
	}
}

int gen_pick_bank(struct rng *r)
{
	int total = 0;
	for (int i = 0; i < NBANKS; i++)
		total += gen_banks[i].weight;
	int u = (int)rng_below(r, (uint32_t)total);
	for (int i = 0; i < NBANKS; i++) {
		if (u < gen_banks[i].weight)
			return i;
		u -= gen_banks[i].weight;
	}
	return 0;
}

int gen_pick_weighted(struct rng *r, const int *w, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += w[i];
	int u = (int)rng_below(r, (uint32_t)total);
	for (int i = 0; i < n; i++) {
		if (u < w[i])
			return i;
		u -= w[i];
	}
	return n - 1;
}

/* A unique resident ID number of someone born in [by0, by1] in a labour-exporting county;
 * the sequence's last digit is odd for men (GB 11643). */
int gen_make_idcard(struct gen *g, struct rng *r, int by0, int by1, bool male, char out[19])
{
	for (;;) {
		memcpy(out, home_areas[rng_below(r, NHOME)], 6);
		/* Two dice: ages cluster in the middle of the range, like the workforce. */
		uint32_t span = (uint32_t)(by1 - by0) + 1;
		int dice = (int)rng_below(r, span) + (int)rng_below(r, span);
		int y = by0 + (dice + 1) / 2;
		int m = 1 + (int)rng_below(r, 12);
		int d = 1 + (int)rng_below(r, (uint32_t)date_days_in_month(y, m));
		char t[DATE_BUFSZ];
		date_format(date_from_ymd(y, m, d), t);
		memcpy(out + 6, t, 4);
		memcpy(out + 10, t + 5, 2);
		memcpy(out + 12, t + 8, 2);
		gen_digits(r, out + 14, 2);
		out[16] = (char)('0' + 2 * rng_below(r, 5) + (male ? 1 : 0));
		out[17] = idcard_check_char(out);
		out[18] = '\0';
		int added = gen_hset_add(&g->ids, hash_bytes(out, 17));
		if (added < 0)
			return gen_nomem(g);
		if (added)
			return 0;
	}
}
