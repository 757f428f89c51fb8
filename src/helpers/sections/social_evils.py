"""Notebook 03: prevention of social evils (phòng, chống tệ nạn xã hội).

Drugs (users under management, rehabilitation by modality against next year's
targets, post-rehabilitation management by district, relapses and jobs,
prevention classes), prostitution (venues and suspected venues by type,
suspected persons by role, inspections and sanctions), anti-trafficking
reach, and next year's targets of the domain.

The computing functions take the year's figures (``rep.figures``), the year
and the language, and return a :class:`~helpers.sections.social_common.Table`,
a frame or a list of sentences; ``None`` (or an empty list) means the year has
no data. The ``show_*`` functions put a section on a :class:`~helpers.present.report.Report`,
saying "no data" where there is none.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.data.query import indicator_name, unit_label, value
from helpers.present import charts
from helpers.present.report import Report
from helpers.sections.social_common import (
    Reference,
    Table,
    axis_label,
    collect_findings,
    computed_line,
    derived_qualifier,
    figure_line,
    figure_text,
    fill_caption,
    lines_table,
    lower_first,
    parts_chart,
    parts_frame,
    parts_table,
    pct,
    printed_of,
    rate,
    ratio,
    show_heading,
    show_table,
    t,
    targets_table,
    wrap,
)
from helpers.sections.social_common import (
    show_findings as _show_findings,
)
from helpers.text.formatting import fmt_number, fmt_value

DOMAINS = ("social_evils",)

TITLE = ("Phòng, chống tệ nạn xã hội", "Prevention of social evils")
WHAT = ("phòng, chống tệ nạn xã hội", "the prevention of social evils")

HEADINGS = {
    "drugs": ("Phòng, chống ma túy", "Drug prevention and rehabilitation"),
    "rehab": ("Người nghiện có hồ sơ quản lý và cai nghiện", "Registered drug users and rehabilitation"),
    "post_rehab": ("Quản lý sau cai nghiện", "Post-rehabilitation management"),
    "drug_prevention": ("Tuyên truyền, tập huấn phòng chống ma túy", "Drug prevention classes"),
    "prostitution": ("Phòng, chống mại dâm", "Prostitution prevention"),
    "venues": ("Cơ sở kinh doanh, dịch vụ dễ phát sinh tệ nạn xã hội", "Venues prone to social evils"),
    "suspected": ("Cơ sở nghi vấn có hoạt động mại dâm", "Venues suspected of prostitution"),
    "roles": ("Người nghi vấn hoạt động mại dâm", "Persons suspected of prostitution activity"),
    "enforcement": ("Kiểm tra, xử lý và tập huấn", "Inspections, sanctions and training"),
    "trafficking": ("Phòng, chống mua bán người", "Anti-trafficking"),
    "targets": ("Chỉ tiêu năm {next}", "Targets for {next}"),
}

# What each "no data" sentence names: (vi, en).
NO_DATA = {
    "rehab": ("người nghiện ma túy và cai nghiện", "drug users and rehabilitation"),
    "rehab_chart": ("kết quả và chỉ tiêu cai nghiện ma túy", "rehabilitation results and targets"),
    "post_rehab": ("quản lý sau cai nghiện", "post-rehabilitation management"),
    "drug_prevention": ("tuyên truyền, tập huấn phòng chống ma túy", "drug prevention classes"),
    "venues": ("cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn xã hội", "venues prone to social evils"),
    "suspected": ("cơ sở nghi vấn có hoạt động mại dâm", "venues suspected of prostitution"),
    "roles": ("người nghi vấn hoạt động mại dâm", "persons suspected of prostitution"),
    "enforcement": ("kiểm tra, xử lý vi phạm về mại dâm", "prostitution inspections and sanctions"),
    "trafficking": ("phòng, chống mua bán người", "anti-trafficking work"),
    "targets": ("chỉ tiêu năm sau về phòng, chống tệ nạn xã hội", "next year's targets on social evils"),
}

# Labels of the values the appendix computes.
COMPUTED_LABELS = {
    "rehab_total": ("Tổng số người được cai nghiện (tại gia đình, cộng đồng và bắt buộc)",
                    "Total in rehabilitation (community and compulsory)"),
    "rehab_share_of_managed": ("Số người được cai nghiện so với số người nghiện có hồ sơ quản lý",
                               "Persons in rehabilitation as a share of registered drug users"),
    "community_share": ("Tỷ trọng cai nghiện tại gia đình, cộng đồng trong tổng số người được cai nghiện",
                        "Community rehabilitation as a share of all rehabilitation"),
    "relapse_rate": ("Tỷ lệ tái nghiện trong số người bị quản lý sau cai nghiện",
                     "Relapses per person under post-rehabilitation management"),
    "employment_rate": ("Tỷ lệ người được tạo việc làm trong số người bị quản lý sau cai nghiện",
                        "Persons helped into jobs per person under post-rehabilitation management"),
    "trainees_per_class": ("Bình quân số lượt người mỗi lớp", "Average trainees per class"),
    "suspected_share": ("Tỷ lệ cơ sở nghi vấn trong tổng số cơ sở dễ phát sinh tệ nạn xã hội",
                        "Suspected venues as a share of all venues prone to social evils"),
    "participants_per_class": ("Bình quân số cán bộ cơ sở mỗi lớp", "Average participants per class"),
}
PER_CLASS_UNIT = ("người/lớp", "persons per class")

CAPTIONS = {
    "rehab": ("Người nghiện ma túy có hồ sơ quản lý và cai nghiện, năm {year}",
              "Registered drug users and rehabilitation, {year}"),
    "rehab_chart": ("Cai nghiện ma túy theo hình thức: kết quả năm {year} và chỉ tiêu năm {next}",
                    "Drug rehabilitation by modality: {year} results and {next} targets"),
    "post_rehab_chart": ("Người bị quản lý sau cai nghiện theo địa phương, năm {year} (0 = báo cáo ghi “chưa có”)",
                         "Persons under post-rehabilitation management by district, {year} (0 = printed “chưa có”, none)"),
    "post_rehab_districts": ("Người bị quản lý sau cai nghiện theo địa phương, năm {year}",
                             "Persons under post-rehabilitation management by district, {year}"),
    "post_rehab": ("Quản lý sau cai nghiện: tái nghiện và việc làm, năm {year}",
                   "Post-rehabilitation management: relapses and jobs, {year}"),
    "drug_prevention": ("Tuyên truyền, tập huấn phòng chống ma túy, năm {year}", "Drug prevention classes, {year}"),
    "venues_chart": ("Cơ sở kinh doanh, dịch vụ dễ phát sinh tệ nạn xã hội theo loại hình, năm {year}",
                     "Venues prone to social evils by type, {year}"),
    "venues": ("Cơ sở dễ phát sinh tệ nạn xã hội theo loại hình, năm {year}", "Venues prone to social evils by type, {year}"),
    "suspected": ("Cơ sở nghi vấn có hoạt động mại dâm theo loại hình, năm {year}",
                  "Venues suspected of prostitution by type, {year}"),
    "roles": ("Người nghi vấn hoạt động mại dâm qua rà soát theo vai trò, năm {year}",
              "Persons suspected of prostitution activity by role, {year}"),
    "enforcement": ("Kiểm tra, xử lý và tập huấn phòng ngừa mại dâm, năm {year}",
                    "Prostitution inspections, sanctions and training, {year}"),
    "trafficking": ("Truyền thông, tập huấn phòng chống mua bán người, năm {year}", "Anti-trafficking outreach, {year}"),
    "targets": ("Chỉ tiêu năm {next} về phòng, chống tệ nạn xã hội và kết quả năm {year}",
                "Targets for {next} on social evils beside the {year} results"),
}
CHART_TITLES = {
    "rehab": ("Cai nghiện ma túy: kết quả {year} và chỉ tiêu {next}", "Drug rehabilitation: {year} results and {next} targets"),
    "post_rehab": ("Người bị quản lý sau cai nghiện theo địa phương, {year}", "Post-rehabilitation management by district, {year}"),
    "venues": ("Cơ sở dễ phát sinh tệ nạn xã hội theo loại hình, {year}", "Venues prone to social evils by type, {year}"),
}
SERIES = {"actual": ("Kết quả {year}", "Result {year}"), "target": ("Chỉ tiêu {year}", "Target {year}")}
LEGEND_TITLE = (" ", " ")  # the legend's title is the name of the hue column: none wanted

REHAB_IDS = ("drug_rehab_community", "drug_rehab_compulsory_admissions")



# Drugs ---------------------------------------------------------------------

def rehab_total(figures: pd.DataFrame, year: int) -> float | None:
    """Persons in rehabilitation in ``year``: community plus new compulsory admissions (None unless both are known)."""
    community = value(figures, "drug_rehab_community", year)
    compulsory = value(figures, "drug_rehab_compulsory_admissions", year)
    return None if community is None or compulsory is None else community + compulsory


def rehab_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Registered drug users, rehabilitation by modality, and the shares the appendix computes."""
    managed = value(figures, "drug_users_managed", year)
    community = value(figures, "drug_rehab_community", year)
    compulsory = value(figures, "drug_rehab_compulsory_admissions", year)
    total = rehab_total(figures, year)
    lines = [
        figure_line(figures, "drug_users_managed", year, lang),
        figure_line(figures, "drug_rehab_community", year, lang),
        figure_line(figures, "drug_rehab_compulsory_admissions", year, lang),
        computed_line(t(lang, COMPUTED_LABELS["rehab_total"]), total, "persons", lang,
                      f"{fmt_value(community, 'persons', lang)} + {fmt_value(compulsory, 'persons', lang)}", decimals=None),
        computed_line(t(lang, COMPUTED_LABELS["rehab_share_of_managed"]), rate(total, managed), "percent", lang,
                      f"{fmt_value(total, 'persons', lang)} / {fmt_value(managed, 'persons', lang)}"),
        computed_line(t(lang, COMPUTED_LABELS["community_share"]), rate(community, total), "percent", lang,
                      f"{fmt_value(community, 'persons', lang)} / {fmt_value(total, 'persons', lang)}"),
    ]
    return lines_table(lines, lang)


def rehab_vs_target_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Rehabilitation by modality: ``year``'s results beside the targets for ``year + 1``.

    Columns ``category`` (the indicator's name, wrapped), ``series`` (result or target, with its year),
    ``kind``, ``period``, ``value``; None when neither results nor targets exist. The chart shows
    ``series`` under the legend title :data:`LEGEND_TITLE`.
    """
    rows = []
    for indicator_id in REHAB_IDS:
        for kind, period in (("actual", year), ("target", year + 1)):
            v = value(figures, indicator_id, period, kind)
            if v is not None:
                rows.append({"category": wrap(indicator_name(indicator_id, lang)), "indicator_id": indicator_id,
                             "series": t(lang, SERIES[kind]).format(year=period), "kind": kind, "period": period, "value": v})
    return pd.DataFrame(rows) if rows else None


def rehab_vs_target_chart(frame: pd.DataFrame, year: int, lang: str, source: str) -> Figure:
    """Grouped bars: each rehabilitation modality's result and next year's target."""
    legend = t(lang, LEGEND_TITLE)
    return charts.bar_chart(
        frame.rename(columns={"series": legend}), title=t(lang, CHART_TITLES["rehab"]).format(year=year, next=year + 1),
        x_label=axis_label(unit_label(REHAB_IDS[0], lang), lang), source=source, lang=lang, hue_col=legend,
    )


def post_rehab_districts(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Persons under post-rehabilitation management by district, districts printed "chưa có" kept as 0."""
    return parts_frame(figures, "post_rehab_management", "district", year, lang)


def districts_without_sentence(frame: pd.DataFrame | None, lang: str) -> str | None:
    """A sentence naming the districts printed "chưa có" (shown as 0), or None when there are none."""
    if frame is None or not frame["zero_in_words"].any():
        return None
    names = ", ".join(frame.loc[frame["zero_in_words"], "category"])
    n, total = int(frame["zero_in_words"].sum()), len(frame)
    return t(lang, (
        "{n}/{total} địa phương chưa có người bị quản lý sau cai nghiện ({names}); báo cáo ghi “chưa có”, "
        "bảng và biểu đồ thể hiện là 0.",
        "{n} of {total} districts have no one under post-rehabilitation management ({names}); the report prints "
        "“chưa có” (none yet), shown as 0 in the table and chart.",
    )).format(n=n, total=total, names=names)


def post_rehab_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Post-rehabilitation management: persons, relapses, jobs, and the rates per person managed."""
    managed = value(figures, "post_rehab_management", year)
    relapses = value(figures, "post_rehab_relapses", year)
    employed = value(figures, "post_rehab_employed", year)
    lines = [
        figure_line(figures, "post_rehab_management", year, lang),
        figure_line(figures, "post_rehab_relapses", year, lang),
        computed_line(t(lang, COMPUTED_LABELS["relapse_rate"]), rate(relapses, managed), "percent", lang,
                      f"{fmt_value(relapses, 'persons', lang)} / {fmt_value(managed, 'persons', lang)}"),
        figure_line(figures, "post_rehab_employed", year, lang),
        figure_line(figures, "post_rehab_employed", year, lang, breakdown="district=Thành phố Huế"),
        computed_line(t(lang, COMPUTED_LABELS["employment_rate"]), rate(employed, managed), "percent", lang,
                      f"{fmt_value(employed, 'persons', lang)} / {fmt_value(managed, 'persons', lang)}"),
    ]
    return lines_table(lines, lang)


def drug_prevention_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Drug prevention classes and trainees, with the average per class."""
    classes = value(figures, "drug_prevention_classes", year)
    trainees = value(figures, "drug_prevention_trainees", year)
    trainees_line = figure_line(figures, "drug_prevention_trainees", year, lang)
    lines = [
        figure_line(figures, "drug_prevention_classes", year, lang),
        trainees_line,
        computed_line(t(lang, COMPUTED_LABELS["trainees_per_class"]), ratio(trainees, classes), "persons", lang,
                      f"{fmt_value(trainees, 'persons', lang)} / {fmt_value(classes, 'count', lang)}", decimals=0,
                      unit_text=t(lang, PER_CLASS_UNIT),
                      qualifier_key=derived_qualifier(printed_of(figures, "drug_prevention_trainees", year),
                                                      printed_of(figures, "drug_prevention_classes", year))),
    ]
    return lines_table(lines, lang)


# Prostitution ----------------------------------------------------------------

def venues_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Venues prone to social evils by type, with shares of the total."""
    return parts_frame(figures, "social_evil_venues", "venue_type", year, lang)


def venues_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Venues prone to social evils by type, shares and total."""
    return parts_table(figures, "social_evil_venues", "venue_type", year, lang,
                       category_header=("Loại hình", "Type"))


def suspected_venues_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Venues suspected of prostitution by type, shares and total."""
    return parts_table(figures, "suspected_prostitution_venues", "venue_type", year, lang,
                       category_header=("Loại hình", "Type"))


def roles_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Persons suspected of prostitution activity by role, shares and total."""
    return parts_table(figures, "prostitution_suspects", "role", year, lang, category_header=("Vai trò", "Role"))


def enforcement_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Inspections, venues warned and sanctioned, suspected staff, training; the suspected venues' share."""
    suspected = value(figures, "suspected_prostitution_venues", year)
    venues = value(figures, "social_evil_venues", year)
    lines = [
        figure_line(figures, "prostitution_inspections", year, lang),
        figure_line(figures, "venues_warned", year, lang),
        figure_line(figures, "prostitution_venues_sanctioned", year, lang),
        figure_line(figures, "suspected_prostitution_venues", year, lang),
        computed_line(t(lang, COMPUTED_LABELS["suspected_share"]), rate(suspected, venues), "percent", lang,
                      f"{fmt_value(suspected, 'count', lang)} / {fmt_value(venues, 'count', lang)}"),
        figure_line(figures, "suspected_prostitution_staff", year, lang),
        figure_line(figures, "prostitution_prevention_trainees", year, lang),
    ]
    return lines_table(lines, lang)


# Anti-trafficking -------------------------------------------------------------

def trafficking_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Anti-trafficking reach: officials trained, classes, participants, leaflets; participants per class."""
    classes = value(figures, "trafficking_training_classes", year)
    participants = value(figures, "trafficking_training_participants", year)
    lines = [
        figure_line(figures, "trafficking_training_officials", year, lang),
        figure_line(figures, "trafficking_training_classes", year, lang),
        figure_line(figures, "trafficking_training_participants", year, lang),
        computed_line(t(lang, COMPUTED_LABELS["participants_per_class"]), ratio(participants, classes), "persons", lang,
                      f"{fmt_value(participants, 'persons', lang)} / {fmt_value(classes, 'count', lang)}", decimals=0,
                      unit_text=t(lang, PER_CLASS_UNIT),
                      qualifier_key=derived_qualifier(printed_of(figures, "trafficking_training_participants", year),
                                                      printed_of(figures, "trafficking_training_classes", year))),
        figure_line(figures, "trafficking_leaflets", year, lang),
    ]
    return lines_table(lines, lang)


# Next year's targets ------------------------------------------------------------

VOLUNTARY_CAVEAT = (
    "so sánh thận trọng: báo cáo không nêu mẫu số của chỉ tiêu; nếu tính trên {managed} người nghiện có hồ sơ "
    "quản lý thì tỷ trọng là {alt}",
    "compare with care: the report does not state the target's denominator; on the {managed} registered drug "
    "users the share is {alt}",
)
ACCESS_CAVEAT = (
    "chỉ tính người được cai nghiện, chưa tính các dịch vụ tư vấn, điều trị khác, nên là mức tối thiểu",
    "counts rehabilitation only, not other counselling or treatment, so it is a floor",
)


def voluntary_share_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """The voluntary (home/community) share of all rehabilitation in ``year``, to stand beside its target."""
    community = value(figures, "drug_rehab_community", year)
    total = rehab_total(figures, year)
    share = rate(community, total)
    if share is None:
        return None
    managed = value(figures, "drug_users_managed", year)
    alt = rate(community, managed)
    caveat = t(lang, VOLUNTARY_CAVEAT).format(managed=fmt_value(managed, "persons", lang), alt=fmt_value(alt, "percent", lang, 2)) \
        if alt is not None else ""
    return Reference(share, f"{fmt_value(community, 'persons', lang)} / {fmt_value(total, 'persons', lang)}", caveat)


def service_access_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """Persons in rehabilitation per registered drug user in ``year``: a floor for the service-access rate."""
    total = rehab_total(figures, year)
    managed = value(figures, "drug_users_managed", year)
    share = rate(total, managed)
    if share is None:
        return None
    return Reference(share, f"{fmt_value(total, 'persons', lang)} / {fmt_value(managed, 'persons', lang)}", t(lang, ACCESS_CAVEAT))


REFERENCES = {
    "voluntary_rehab_share": voluntary_share_reference,
    "drug_users_service_access_rate": service_access_reference,
}


def targets(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The domain's targets for ``year + 1`` beside ``year``'s results (or the appendix's reference values)."""
    return targets_table(figures, year, DOMAINS, lang, REFERENCES)


# Key findings -----------------------------------------------------------------

def finding_drugs(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Registered users and how many were in rehabilitation, by modality."""
    managed = figure_text(figures, "drug_users_managed", year, lang)
    total = rehab_total(figures, year)
    if managed is None:
        return None
    if total is None:
        return t(lang, ("Toàn tỉnh có {managed} người nghiện ma túy có hồ sơ quản lý.",
                        "The province has {managed} registered drug users.")).format(managed=managed)
    share = rate(total, value(figures, "drug_users_managed", year))
    return t(lang, (
        "Toàn tỉnh có {managed} người nghiện ma túy có hồ sơ quản lý; năm {year} có {total} người được cai nghiện "
        "({community} tại gia đình, cộng đồng và {compulsory} được tiếp nhận mới vào cai nghiện bắt buộc), bằng {share} số người có hồ sơ.",
        "The province has {managed} registered drug users; in {year}, {total} were in rehabilitation "
        "({community} at home or in the community, {compulsory} newly admitted to compulsory rehabilitation), {share} of the registered users.",
    )).format(managed=managed, year=year, total=fmt_value(total, "persons", lang),
              community=figure_text(figures, "drug_rehab_community", year, lang),
              compulsory=figure_text(figures, "drug_rehab_compulsory_admissions", year, lang), share=pct(share, lang))


def finding_rehab_targets(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Next year's rehabilitation targets beside this year's results."""
    parts = []
    names = {"drug_rehab_community": ("cai nghiện tại gia đình, cộng đồng", "home or community rehabilitation"),
             "drug_rehab_compulsory_admissions": ("tiếp nhận mới vào cai nghiện bắt buộc", "new admissions to compulsory rehabilitation")}
    for indicator_id in REHAB_IDS:
        goal = value(figures, indicator_id, year + 1, "target")
        now = value(figures, indicator_id, year)
        if goal is None or now is None:
            continue
        parts.append(t(lang, ("{name} {goal} người ({change} so với {now} người năm {year})",
                              "{name} {goal} persons ({change} on {now} in {year})")).format(
            name=t(lang, names[indicator_id]), goal=fmt_value(goal, "persons", lang),
            change=fmt_number(goal - now, lang, signed=True), now=fmt_value(now, "persons", lang), year=year))
    if not parts:
        return None
    joined = t(lang, (" và ", " and ")).join(parts)
    return t(lang, ("Chỉ tiêu năm {next}: {parts}.", "Targets for {next}: {parts}.")).format(next=year + 1, parts=joined)


def finding_post_rehab(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Post-rehabilitation management: relapse and job rates, districts with none."""
    managed = value(figures, "post_rehab_management", year)
    if managed is None:
        return None
    relapses = value(figures, "post_rehab_relapses", year)
    employed = value(figures, "post_rehab_employed", year)
    sentence = t(lang, ("{managed} người bị quản lý sau cai nghiện", "{managed} persons were under post-rehabilitation management")
                 ).format(managed=fmt_value(managed, "persons", lang))
    details = []
    if relapses is not None:
        details.append(t(lang, ("{n} người tái nghiện ({r})", "{n} relapsed ({r})")).format(
            n=fmt_value(relapses, "persons", lang), r=pct(rate(relapses, managed), lang)))
    if employed is not None:
        details.append(t(lang, ("{n} người được tạo việc làm ({r})", "{n} were helped into jobs ({r})")).format(
            n=fmt_value(employed, "persons", lang), r=pct(rate(employed, managed), lang)))
    if details:
        sentence += t(lang, (", trong đó ", ", of whom ")) + t(lang, (" và ", " and ")).join(details)
    districts = post_rehab_districts(figures, year, lang)
    if districts is not None and districts["zero_in_words"].any():
        sentence += t(lang, ("; {n}/{total} địa phương chưa có người bị quản lý sau cai nghiện",
                             "; {n} of {total} districts had none")).format(
            n=int(districts["zero_in_words"].sum()), total=len(districts))
    return sentence + "."


def finding_venues(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Venues prone to social evils, the largest type, and the suspected share."""
    total = figure_text(figures, "social_evil_venues", year, lang)
    if total is None:
        return None
    sentence = t(lang, ("Có {total} cơ sở kinh doanh, dịch vụ dễ phát sinh tệ nạn xã hội",
                        "There are {total} venues prone to social evils")).format(total=total)
    frame = venues_frame(figures, year, lang)
    if frame is not None:
        top = frame.sort_values("value", ascending=False, kind="stable").iloc[0]
        sentence += t(lang, (", nhiều nhất là loại hình {name} ({n}; {share})",
                             ", the largest type being {name} ({n}; {share})")).format(
            name=lower_first(top["category"]), n=fmt_value(top["value"], "count", lang), share=pct(top["share"], lang))
    suspected = value(figures, "suspected_prostitution_venues", year)
    if suspected is not None:
        sentence += t(lang, ("; {n} cơ sở ({share}) nghi vấn có hoạt động mại dâm",
                             "; {n} ({share}) are suspected of prostitution activity")).format(
            n=fmt_value(suspected, "count", lang), share=pct(rate(suspected, value(figures, "social_evil_venues", year)), lang))
    return sentence + "."


def finding_roles(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Persons suspected of prostitution activity and their roles."""
    total = figure_text(figures, "prostitution_suspects", year, lang)
    if total is None:
        return None
    frame = parts_frame(figures, "prostitution_suspects", "role", year, lang)
    sentence = t(lang, ("Rà soát phát hiện {total} người nghi vấn hoạt động mại dâm",
                        "Screening found {total} persons suspected of prostitution activity")).format(total=total)
    if frame is not None:
        roles = [f"{lower_first(r.category)}: {fmt_value(r.value, 'persons', lang)} ({pct(r.share, lang)})"
                 for r in frame.itertuples()]
        sentence += ": " + "; ".join(roles)
    return sentence + "."


def finding_enforcement(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Inspections and sanctions, and the anti-trafficking reach."""
    pieces = []
    inspections = figure_text(figures, "prostitution_inspections", year, lang)
    if inspections is not None:
        piece = t(lang, ("Đã kiểm tra {n} lượt cơ sở dễ bị lợi dụng hoạt động mại dâm",
                         "{n} inspections of venues at risk of prostitution were made")).format(n=inspections)
        warned = figure_text(figures, "venues_warned", year, lang)
        sanctioned = figure_text(figures, "prostitution_venues_sanctioned", year, lang)
        extra = []
        if warned is not None:
            extra.append(t(lang, ("{n} cơ sở được nhắc nhở, chấn chỉnh", "{n} venues warned")).format(n=warned))
        if sanctioned is not None:
            extra.append(t(lang, ("{n} cơ sở bị xử lý", "{n} venues sanctioned")).format(n=sanctioned))
        pieces.append(piece + (f" ({', '.join(extra)})" if extra else ""))
    participants = figure_text(figures, "trafficking_training_participants", year, lang)
    classes = figure_text(figures, "trafficking_training_classes", year, lang)
    leaflets = figure_text(figures, "trafficking_leaflets", year, lang)
    if participants is not None and classes is not None:
        piece = t(lang, ("tập huấn phòng chống mua bán người cho {p} cán bộ cơ sở qua {c} lớp",
                         "anti-trafficking training reached {p} grassroots officials in {c} classes")
                  ).format(p=participants, c=classes)
        if leaflets is not None:
            piece += t(lang, (", phát {n} tờ rơi", ", with {n} leaflets distributed")).format(n=leaflets)
        pieces.append(piece)
    if not pieces:
        return None
    text = "; ".join(pieces)
    return text[:1].upper() + text[1:] + "."


FINDINGS = (finding_drugs, finding_rehab_targets, finding_post_rehab, finding_venues, finding_roles, finding_enforcement)


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The key-finding sentences the year's data support (at most six; empty when there are none)."""
    return collect_findings(FINDINGS, figures, year, lang)


# Showing -------------------------------------------------------------------------

def show_title(rep: Report) -> None:
    """The notebook's title heading."""
    rep.heading(*TITLE, level=1)


def show_findings(rep: Report) -> None:
    """The key findings of the year (or a sentence saying there are none)."""
    _show_findings(rep, findings(rep.figures, rep.year, rep.lang), WHAT)


def show_rehab(rep: Report) -> None:
    """Registered users and rehabilitation: table, then results beside next year's targets as a chart."""
    show_heading(rep, HEADINGS["drugs"])
    show_heading(rep, HEADINGS["rehab"], 3)
    show_table(rep, rehab_table(rep.figures, rep.year, rep.lang), "drug_rehab", fill_caption(rep, CAPTIONS["rehab"]), NO_DATA["rehab"])
    frame = rehab_vs_target_frame(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(*NO_DATA["rehab_chart"])
        return
    ids = rep.figures[rep.figures["indicator_id"].isin(REHAB_IDS) & rep.figures["preferred"]
                      & rep.figures["period"].isin([rep.year, rep.year + 1])]["source_id"]
    fig = rehab_vs_target_chart(frame, rep.year, rep.lang, rep.source_line(ids))
    rep.figure(fig, "rehab_vs_target", rep.t(*fill_caption(rep, CAPTIONS["rehab_chart"])))


def show_post_rehab(rep: Report) -> None:
    """Post-rehabilitation management by district (zeros kept, with a note), then relapses and jobs."""
    show_heading(rep, HEADINGS["post_rehab"], 3)
    frame = post_rehab_districts(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(*NO_DATA["post_rehab"])
    else:
        title = t(rep.lang, CHART_TITLES["post_rehab"]).format(year=rep.year)
        fig = parts_chart(frame, title=title, unit_text=unit_label("post_rehab_management", rep.lang),
                          source=rep.source_line(frame["source_id"]), lang=rep.lang, sort=False)
        rep.figure(fig, "post_rehab_districts", rep.t(*fill_caption(rep, CAPTIONS["post_rehab_chart"])))
        sentence = districts_without_sentence(frame, rep.lang)
        if sentence:
            rep.text(sentence)
        table = parts_table(rep.figures, "post_rehab_management", "district", rep.year, rep.lang,
                            category_header=("Địa phương", "District"))
        show_table(rep, table, "post_rehab_districts", fill_caption(rep, CAPTIONS["post_rehab_districts"]), NO_DATA["post_rehab"])
    table = post_rehab_table(rep.figures, rep.year, rep.lang)
    if table is not None:
        show_table(rep, table, "post_rehab_outcomes", fill_caption(rep, CAPTIONS["post_rehab"]), NO_DATA["post_rehab"])


def show_drug_prevention(rep: Report) -> None:
    """Drug prevention classes and trainees."""
    show_heading(rep, HEADINGS["drug_prevention"], 3)
    show_table(rep, drug_prevention_table(rep.figures, rep.year, rep.lang), "drug_prevention",
               fill_caption(rep, CAPTIONS["drug_prevention"]), NO_DATA["drug_prevention"])


def show_venues(rep: Report) -> None:
    """Venues prone to social evils by type: chart and table."""
    show_heading(rep, HEADINGS["prostitution"])
    show_heading(rep, HEADINGS["venues"], 3)
    frame = venues_frame(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(*NO_DATA["venues"])
        return
    title = t(rep.lang, CHART_TITLES["venues"]).format(year=rep.year)
    fig = parts_chart(frame, title=title, unit_text=unit_label("social_evil_venues", rep.lang),
                      source=rep.source_line(frame["source_id"]), lang=rep.lang)
    rep.figure(fig, "venues_by_type", rep.t(*fill_caption(rep, CAPTIONS["venues_chart"])))
    show_table(rep, venues_table(rep.figures, rep.year, rep.lang), "venues_by_type", fill_caption(rep, CAPTIONS["venues"]), NO_DATA["venues"])


def show_suspected(rep: Report) -> None:
    """Venues suspected of prostitution by type, and persons suspected by role."""
    show_heading(rep, HEADINGS["suspected"], 3)
    show_table(rep, suspected_venues_table(rep.figures, rep.year, rep.lang), "suspected_venues",
               fill_caption(rep, CAPTIONS["suspected"]), NO_DATA["suspected"])
    show_heading(rep, HEADINGS["roles"], 3)
    show_table(rep, roles_table(rep.figures, rep.year, rep.lang), "persons_by_role", fill_caption(rep, CAPTIONS["roles"]), NO_DATA["roles"])


def show_enforcement(rep: Report) -> None:
    """Inspections, venues warned and sanctioned, suspected staff, prevention training."""
    show_heading(rep, HEADINGS["enforcement"], 3)
    show_table(rep, enforcement_table(rep.figures, rep.year, rep.lang), "prostitution_enforcement",
               fill_caption(rep, CAPTIONS["enforcement"]), NO_DATA["enforcement"])


def show_trafficking(rep: Report) -> None:
    """Anti-trafficking outreach."""
    show_heading(rep, HEADINGS["trafficking"])
    show_table(rep, trafficking_table(rep.figures, rep.year, rep.lang), "trafficking", fill_caption(rep, CAPTIONS["trafficking"]),
               NO_DATA["trafficking"])


def show_targets(rep: Report) -> None:
    """Next year's targets of the domain beside this year's results."""
    show_heading(rep, HEADINGS["targets"])
    show_table(rep, targets(rep.figures, rep.year, rep.lang), "targets_next_year", fill_caption(rep, CAPTIONS["targets"]),
               NO_DATA["targets"])
