/* fixture.c: see fixture.h. */
#include "config.h"

#include <limits.h>
#include <stddef.h>

#include "fixture.h"

#define S(x) ((char *)(x))

static struct pack pack = { S("test-pack"), S("Test pack"), S("en-GB"), 1,
	{ "test.yaml", 1, 1 } };

static char *fu[] = { S("What could you do if it was passed on?") };
static char *pc[] = { S("photos-ask") };

/* Listed out of topic order on purpose: session_prompts() sorts by topic. */
static struct prompt prompts[] = {
	{ .id = S("p-photos"), .bands = BAND_BIT(BAND_8_10), .topic = TOPIC_PHOTOS,
	  .question = S("Who could see a photo you sent to one friend?"),
	  .tip = S("Listen for forwarding."), .follow_ups = fu, .n_follow_ups = 1,
	  .clauses = pc, .n_clauses = 1, .short_talk = 3, .pack = &pack },
	{ .id = S("p-people"), .bands = BAND_BIT(BAND_8_10) | BAND_BIT(BAND_4_7),
	  .topic = TOPIC_PEOPLE, .question = S("Who do you talk to online?"),
	  .tip = S("Ask about games too."), .pack = &pack },
	{ .id = S("p-other"), .bands = BAND_BIT(BAND_4_7), .topic = TOPIC_PLACES,
	  .question = S("Where do you use the tablet?"), .tip = S("Tip."),
	  .pack = &pack },
	{ .id = S("p-worried"), .bands = BAND_BIT(BAND_8_10), .topic = TOPIC_WORRIED,
	  .question = S("What would you do if something online scared you?"),
	  .tip = S("Reassure."), .scenario = true, .short_talk = 1,
	  .pack = &pack },
};

static char *rooms[] = { S("the kitchen"), S("the hall") };
static struct blank blanks[] = {
	{ .id = S("bedtime"), .kind = BLANK_TIME, .label = S("Devices go to bed at"),
	  .def = S("19:30"), .min = LONG_MIN, .max = LONG_MAX },
	{ .id = S("minutes"), .kind = BLANK_NUMBER, .label = S("Minutes of games"),
	  .def = S("45"), .min = 0, .max = 180 },
	{ .id = S("room"), .kind = BLANK_CHOICE, .label = S("Where devices sleep"),
	  .def = S("the kitchen"), .choices = rooms, .n_choices = 2,
	  .min = LONG_MIN, .max = LONG_MAX },
	{ .id = S("apps"), .kind = BLANK_TEXT, .label = S("Apps we agreed"),
	  .def = S("a drawing app"), .min = LONG_MIN, .max = LONG_MAX },
};

static struct clause time_clauses[] = {
	{ .id = S("bed"), .text = S("All our devices go to bed at {{bedtime}} in {{room}}."),
	  .binds = BINDS_EVERYONE, .on = true },
	{ .id = S("games"), .text = S("{{child}} plays up to {{minutes}} minutes of games, using {{apps}}."),
	  .binds = BINDS_CHILD, .on = true },
	{ .id = S("meals"), .text = S("We keep meal times screen-free."),
	  .binds = BINDS_EVERYONE, .on = false },
};
static struct clause photo_clauses[] = {
	{ .id = S("photos-ask"), .text = S("We ask before we share a photo of someone."),
	  .binds = BINDS_EVERYONE, .on = true },
	{ .id = S("tell"), .text = S("{{grown-ups}} will listen first if {{child}} is worried."),
	  .binds = BINDS_GROWN_UPS, .on = true },
};
static struct section sections[] = {
	{ S("time"), S("Our devices and when we use them"), time_clauses, 3 },
	{ S("photos"), S("Photos and sharing"), photo_clauses, 2 },
};
static struct promise promises[] = {
	{ S("no-punish"), S("We will not take your device away because you told us something worrying."), true, { 0 } },
	{ S("explain"), S("When we say no, we will explain why."), false, { 0 } },
};
static char *steps[] = {
	S("Stop, and tell a grown-up you trust straight away."),
	S("The grown-up helps you report it."),
};
static enum role sigs[] = { ROLE_CHILD, ROLE_GROWN_UP };

static struct template templates[] = {
	{ .id = S("agreement-test"), .title = S("Our family device agreement"),
	  .band = BAND_8_10, .review_months = 3, .signatures = sigs,
	  .n_signatures = 2, .blanks = blanks, .n_blanks = 4,
	  .sections = sections, .n_sections = 2, .promises = promises,
	  .n_promises = 2, .steps = steps, .n_steps = 2 },
};

static struct resource uk_res[] = {
	{ S("Childline"), RESOURCE_CHILDREN, S("Free and confidential help."), S("0800 1111"), NULL, 0xf },
	{ S("CEOP Safety Centre"), RESOURCE_REPORT, S("Report grooming online."), NULL, S("ceop.police.uk"), 0xf },
	{ S("Police"), RESOURCE_EMERGENCY, S("If someone is in danger right now."), S("999"), NULL, 0xf },
};
static struct region regions[] = {
	{ .code = S("UK"), .name = S("United Kingdom"), .resources = uk_res,
	  .n_resources = 3 },
	/* No lines: only its paper, for the paper tests. */
	{ .code = S("US"), .name = S("United States"), .paper = PAPER_LETTER },
};

static struct content content = {
	.packs = &pack, .n_packs = 1,
	.prompts = prompts, .n_prompts = 4,
	.templates = templates, .n_templates = 1,
	.regions = regions, .n_regions = 2,
};

const struct content *
fixture_content(void)
{
	return &content;
}

time_t
fixture_now(void)
{
	return FIXTURE_NOW;
}
