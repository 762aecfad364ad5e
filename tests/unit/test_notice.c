/* test_notice.c — the notice configuration keys are validated as docs/notices.md says, and a
 * document renders to HTML with its text escaped and nothing fetched from elsewhere. */
#include "check.h"
#include "domain/notice.h"
#include "render/doc.h"
#include "util/err.h"

static int ok(const char *key, const char *value)
{
	char err[256];
	return notice_config_check(key, value, err, sizeof err) == WG_OK;
}

int main(void)
{
	CHECK(ok("notice.hotline", "12333"), "the hotline");
	CHECK(ok("notice.hotline", "0571-12333"), "a hotline with an area code");
	CHECK(!ok("notice.hotline", "call us"), "a hotline must be a number");
	CHECK(ok("notice.pay_day", "end") && ok("notice.pay_day", "1") &&
		      ok("notice.pay_day", "31"),
	      "pay days 1, 31 and end");
	CHECK(!ok("notice.pay_day", "0") && !ok("notice.pay_day", "32") &&
		      !ok("notice.pay_day", "15th"),
	      "pay days 0, 32, 15th refused");
	CHECK(ok("notice.publicity_days", "90") && !ok("notice.publicity_days", "91"),
	      "publicity up to 90 days");
	CHECK(!ok("notice.bogus", "x"), "unknown notice key");
	CHECK(ok("notice.regulator.railway", "国家铁路局"), "a regulator per industry");
	CHECK(!ok("notice.regulator.space", "x"), "no such industry");
	CHECK(ok("region.33.minimum_wage", "2490"), "a province's minimum wage");
	CHECK(ok("region.3301.minimum_wage", "2280.5") && ok("region.330102.minimum_wage", "0.01"),
	      "a city's and a district's");
	CHECK(!ok("region.330.minimum_wage", "2490"), "a 3-digit region is refused");
	CHECK(!ok("region.99.minimum_wage", "2490"), "no province 99");
	CHECK(!ok("region.33.minimum_wage", "0") && !ok("region.33.minimum_wage", "-1") &&
		      !ok("region.33.minimum_wage", "1.234"),
	      "minimum wage must be a positive amount");
	CHECK(ok("region.33.arbitration", "杭州市劳动人事争议仲裁院") &&
		      ok("region.33.regulator.housing", "杭州市城乡建设委员会"),
	      "a region overrides notice.* names");
	CHECK(!ok("region.33.office", "x"), "project names are not region names");
	CHECK(ok("project.HZ000001.office", "某项目部") && ok("project.A.B-1.wage_officer", "王磊"),
	      "project keys, codes with dots");
	CHECK(ok("project.HZ000001.wage_officer_phone", "138 1234 5678"), "an officer's phone");
	CHECK(!ok("project.HZ000001.minimum_wage", "2490"), "no minimum wage per project");
	CHECK(!ok("project.HZ 1.office", "x"), "a project code with a blank");
	CHECK(!ok("project..office", "x"), "an empty project code");
	CHECK(!ok("notice.legal_aid", "a\nb") && !ok("notice.legal_aid", ""),
	      "text is one non-empty line");
	CHECK(ok("notice.legal_aid", NULL) && !ok("notice.nothing", NULL),
	      "a NULL value checks the key alone");
	CHECK(notice_config_owns("region.33.minimum_wage") &&
		      !notice_config_owns("warn.ladder.red"),
	      "warn keys are not the notice module's");

	struct doc d = DOC_INIT;
	doc_title(&d, "公示 <1>", "a & b");
	doc_field(&d, "项目", "x\"y");
	static const char *const head[] = {"姓名", "金额"};
	static const double width[] = {1, 1};
	static const enum doc_align align[] = {DOC_LEFT, DOC_RIGHT};
	doc_table(&d, 2, head, width, align);
	const char *row[] = {"<script>", "1.00"};
	doc_row(&d, false, row);
	doc_note(&d, "line one\nline two");
	CHECK(doc_status(&d) == WG_OK, "a document builds");
	struct dbuf b = DBUF_INIT;
	CHECK(render_html(&d, &b) == WG_OK, "it renders");
	const char *h = dbuf_str(&b);
	CHECK(strstr(h, "<h1>公示 &lt;1&gt;</h1>") != NULL, "the title is escaped");
	CHECK(strstr(h, "a &amp; b") != NULL, "the subtitle is escaped");
	CHECK(strstr(h, "x&quot;y") != NULL, "a field value is escaped");
	CHECK(strstr(h, "&lt;script&gt;") && !strstr(h, "<script"), "a cell cannot inject markup");
	CHECK(strstr(h, "line one<br>line two") != NULL, "line breaks are kept");
	CHECK(strstr(h, "<td class=\"r\">1.00</td>") != NULL, "alignment by column");
	CHECK(!strstr(h, "http") && !strstr(h, "src="), "nothing loaded from elsewhere");
	dbuf_release(&b);
	doc_release(&d);
	return check_done();
}
