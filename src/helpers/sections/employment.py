"""Notebook 02 (lao động – việc làm, giáo dục nghề nghiệp): jobs created and workers
sent abroad against plans and targets, the trained-labour rate and its path to
the targets, urban unemployment against its ceilings, job exchanges, job-creation
credit, support for workers going abroad and vocational-training support.

Each ``show_*`` function shows one section through a :class:`~helpers.present.report.Report`
(heading, then a table or chart, or ``rep.no_data``); the pure functions before
them compute from a figures frame and are what the tests call.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.employment import (  # noqa: F401  (the analysis frames, for notebooks and tests)
    ABROAD,
    CORE,
    JOBS,
    TRAINED,
    UNEMPLOYMENT,
    indicator_unit,
    result_row,
    results_against_goals,
)
from helpers.data.query import figure_row, indicator_name, select, unit_label
from helpers.present.report import Report
from helpers.sections import progress as pg
from helpers.sections.social_common import (
    Line,
    Table,
    computed_line,
    derived_qualifier,
    figure_line,
    lines_table,
    qualified,
    show_table,
    t,
    unit_name,
)
from helpers.sections.social_common import (
    show_findings as show_sentences,
)
from helpers.text.formatting import fmt_number, fmt_value

TITLE = ("Lao động – việc làm, giáo dục nghề nghiệp", "Labour, employment and vocational training")
WHAT = ("lao động – việc làm, giáo dục nghề nghiệp", "labour, employment and vocational training")
cap, low, short_name = pg.cap, pg.low, pg.short_name


def scorecard_frame(figures: pd.DataFrame, year: int, indicators: tuple[str, ...] = CORE) -> pd.DataFrame | None:
    """The year's results against plans and targets (:func:`helpers.analysis.employment.results_against_goals`)."""
    return results_against_goals(figures, year, indicators)


SCORE_HEADERS = {
    "indicator": ("Chỉ tiêu", "Indicator"),
    "result": ("Kết quả {year}", "Result {year}"),
    "goal": ("Mục tiêu", "Goal"),
    "against": ("So với mục tiêu (phụ lục tính)", "Against the goal (computed)"),
    "verdict": ("Đánh giá", "Assessment"),
}
VERDICTS = {True: ("Đạt", "Met"), False: ("Chưa đạt", "Not met")}
BY_ESTIMATE = (" (theo ước tính)", " (by the estimate)")
REPORT_SAYS = ("báo cáo ghi {pct}", "the report says {pct}")


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def against_text(row: pd.Series | object, lang: str) -> str:
    """How a result stands against its goal: the percent of a count goal, the points above or below a rate goal.

    The percent of plan the report printed is added when it differs from the computed one.
    """
    get = row.get if isinstance(row, pd.Series) else lambda k: getattr(row, k)
    if _missing(get("goal")) or _missing(get("result")):
        return "–"
    if not _missing(get("ratio")):
        text = fmt_value(get("ratio"), "percent", lang)
        if not _missing(get("report_pct")) and abs(get("report_pct") - get("ratio")) >= 0.005:
            text += f" ({t(lang, REPORT_SAYS).format(pct=qualified(get('report_pct'), 'percent_of_plan', lang))})"
        return text
    return pg.change_text(get("difference"), get("unit"), lang)


def scorecard_table(frame: pd.DataFrame, year: int, lang: str) -> Table:
    """The reader's table of :func:`scorecard_frame`."""
    rows = list(frame.itertuples())
    shown = pd.DataFrame({
        t(lang, SCORE_HEADERS["indicator"]): [indicator_name(r.indicator_id, lang) for r in rows],
        t(lang, SCORE_HEADERS["result"]).format(year=year): [
            "–" if _missing(r.result) else qualified(r.result, r.unit, lang, r.result_printed)
            + ("" if r.result_kind == "actual" else f" ({pg.kind_label(r.result_kind, lang).lower()})") for r in rows],
        t(lang, SCORE_HEADERS["goal"]): [
            "–" if _missing(r.goal) else f"{pg.kind_label(r.goal_kind, lang)}: {pg.goal_level_text(r.goal, r.unit, r.goal_printed, lang)}"
            for r in rows],
        t(lang, SCORE_HEADERS["against"]): [against_text(r, lang) for r in rows],
        t(lang, SCORE_HEADERS["verdict"]): [
            "–" if _missing(r.met) else t(lang, VERDICTS[bool(r.met)]) + ("" if r.result_kind == "actual" else t(lang, BY_ESTIMATE))
            for r in rows],
    })
    raw = frame.drop(columns=["polarity"])
    ids = list(frame["result_source_id"]) + list(frame["goal_source_id"]) + list(frame["report_pct_source_id"])
    return Table(shown, raw, sorted({s for s in ids if isinstance(s, str)}))


def show_scorecard(rep: Report) -> None:
    """Section: the year's four main results (jobs, workers abroad, trained labour, urban unemployment) against their goals."""
    rep.heading(f"Kết quả năm {rep.year} so với kế hoạch, chỉ tiêu", f"{rep.year} results against plans and targets")
    frame = scorecard_frame(rep.figures, rep.year)
    if frame is None:
        rep.no_data("kết quả và chỉ tiêu lao động – việc làm", "labour and employment results and goals")
        return
    table = scorecard_table(frame, rep.year, rep.lang)
    rep.table(table.frame, "scorecard", rep.t(f"Các chỉ tiêu chính về lao động – việc làm năm {rep.year}",
                                              f"Main labour and employment indicators, {rep.year}"),
              table.source_ids, raw=table.raw)


# Sentences on results against goals ---------------------------------------------------

COUNT_SENTENCE = ("{est}{name} năm {y} là {v}{goals}.", "{est}{name} in {y}: {v}{goals}.")
COUNT_GOAL = ("{kind} ({level})", "the {kind} ({level})")
COUNT_GOALS = (", bằng {items}", ", {items}")
RATIO_ITEM = ("{ratio} {goal}", "{ratio} of {goal}")
ESTIMATE_LEAD = ("Ước tính ", "By the estimate, ")


def _result_rows(frame: pd.DataFrame | None, indicator_id: str, lang: str) -> tuple[pd.DataFrame, pd.Series, str, str] | None:
    """An indicator's rows of a results-against-goals frame, its first row, the "by the estimate" lead and its
    short name; None when the frame holds no result for it."""
    if frame is None:
        return None
    rows = frame[frame["indicator_id"] == indicator_id]
    if rows.empty or _missing(rows["result"].iloc[0]):
        return None
    first = rows.iloc[0]
    est = t(lang, ESTIMATE_LEAD) if first["result_kind"] == "estimate" else ""
    return rows, first, est, short_name(indicator_id, lang)


def count_sentence(frame: pd.DataFrame | None, indicator_id: str, year: int, lang: str) -> str | None:
    """A finding for a count result against its goals: "… là 17.034 người, bằng 100,2% kế hoạch (hơn 17.000) …"."""
    found = _result_rows(frame, indicator_id, lang)
    if found is None:
        return None
    rows, first, est, name = found
    value = f"{qualified(first['result'], first['unit'], lang, first['result_printed'])} {unit_name(first['unit'], lang)}"
    items = []
    for r in rows[rows["ratio"].notna()].itertuples():
        goal = t(lang, COUNT_GOAL).format(kind=pg.kind_label(r.goal_kind, lang).lower(),
                                          level=pg.goal_level_text(r.goal, r.unit, r.goal_printed, lang, show_used=False))
        items.append(t(lang, RATIO_ITEM).format(ratio=fmt_value(r.ratio, "percent", lang), goal=goal))
    joiner = " và " if lang == "vi" else " and "
    goals = t(lang, COUNT_GOALS).format(items=joiner.join(items)) if items else ""
    return cap(t(lang, COUNT_SENTENCE).format(est=est, name=low(name) if est else name, y=year, v=value, goals=goals))


RATE_SENTENCE = ("{est}{name} năm {y} là {v}{goals}.", "{est}{name} in {y}: {v}{goals}.")
RATE_GOAL = (", {verdict} {kind} {level} ({side} {diff})", ", {verdict} the {kind} of {level} ({diff} {side})")
RATE_VERDICT = {True: ("đạt", "meeting"), False: ("chưa đạt", "missing")}
SIDES = {1: ("cao hơn", "above"), -1: ("thấp hơn", "below"), 0: ("bằng mức mục tiêu", "on the goal")}


def rate_sentence(frame: pd.DataFrame | None, indicator_id: str, year: int, lang: str) -> str | None:
    """A finding for a rate against its goals: "… là 1,8%, đạt chỉ tiêu dưới 2,1% (thấp hơn 0,3 điểm phần trăm)"."""
    found = _result_rows(frame, indicator_id, lang)
    if found is None:
        return None
    rows, first, est, name = found
    goals = ""
    for r in rows[rows["met"].notna()].itertuples():
        side = (r.difference > 0) - (r.difference < 0)
        diff = pg.change_text(abs(r.difference), r.unit, lang, signed=False) if side else ""
        goals += t(lang, RATE_GOAL).format(
            verdict=t(lang, RATE_VERDICT[bool(r.met)]), kind=pg.kind_label(r.goal_kind, lang).lower(),
            level=pg.goal_level_text(r.goal, r.unit, r.goal_printed, lang, show_used=False), diff=diff,
            side=t(lang, SIDES[side])).replace("( ", "(").replace(" )", ")")
    value = qualified(first["result"], first["unit"], lang, first["result_printed"])
    return cap(t(lang, RATE_SENTENCE).format(est=est, name=low(name) if est else name, y=year, v=value, goals=goals))


# Jobs created and workers abroad -------------------------------------------------------

def goals_chart_data(figures: pd.DataFrame, indicator_id: str, year: int) -> pd.DataFrame | None:
    """Results, estimates, plans and targets of one indicator up to the year after ``year``; None if none."""
    return pg.goal_series(figures, indicator_id, year + 1)


def show_goal_chart(rep: Report, indicator_id: str, name: str) -> bool:
    """The bars of an indicator's results beside its plans and targets; False (and "no data") when there are none."""
    data = goals_chart_data(rep.figures, indicator_id, rep.year)
    if data is None:
        rep.no_data(low(short_name(indicator_id, "vi")), low(short_name(indicator_id, "en")))
        return False
    fig = pg.goal_chart(data, indicator_id, rep.lang, rep.source_line(data["source_id"]))
    first, last = int(data["period"].min()), int(data["period"].max())
    span = f"{first}–{last}" if first < last else f"{last}"
    caption = rep.t(f"{indicator_name(indicator_id, 'vi')}: thực hiện, kế hoạch và chỉ tiêu, {span}.",
                    f"{indicator_name(indicator_id, 'en')}: results, plans and targets, {span}.")
    rep.figure(fig, name, f"{caption} {pg.qualified_note(data, indicator_unit(rep.figures, indicator_id), rep.lang)}".strip())
    return True


PERIOD_FIGURES = ("jobs_created_cumulative", "jobs_created_cumulative_pct_of_plan", "employed_persons")


def period_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Figures over a whole plan period or the whole labour force stated for ``year``; None when none."""
    return lines_table([figure_line(figures, i, year, lang) for i in PERIOD_FIGURES], lang)


def show_jobs(rep: Report) -> None:
    """Section: jobs created against plans and targets over the years."""
    rep.heading("Giải quyết việc làm", "Jobs created")
    shown = show_goal_chart(rep, JOBS, "jobs_created")
    frame = scorecard_frame(rep.figures, rep.year, (JOBS,))
    sentence = count_sentence(frame, JOBS, rep.year, rep.lang)
    if sentence:
        rep.text(sentence)
    elif shown:
        rep.no_data("kết quả giải quyết việc làm", "jobs created")
    table = period_table(rep.figures, rep.year, rep.lang)
    if table is not None:
        rep.table(table.frame, "jobs_period", rep.t(f"Kết quả giai đoạn và lực lượng lao động đến năm {rep.year}",
                                                    f"Results over the plan period and the workforce up to {rep.year}"),
                  table.source_ids, raw=table.raw)


ABROAD_SHARE = ("Tỷ trọng lao động đi làm việc ở nước ngoài trong tổng số lao động được giải quyết việc làm",
                "Workers sent abroad as a share of all jobs created")


def abroad_share_line(figures: pd.DataFrame, year: int, lang: str) -> Line | None:
    """The share of workers sent abroad among all jobs created in ``year`` (the report counts them "trong đó")."""
    return ratio_line(figures, ABROAD, JOBS, year, lang, ABROAD_SHARE, unit="percent", scale=100)


def show_workers_abroad(rep: Report) -> None:
    """Section: workers sent abroad under contract against plans and targets."""
    rep.heading("Đưa người lao động đi làm việc ở nước ngoài", "Workers sent abroad under contract")
    show_goal_chart(rep, ABROAD, "workers_abroad")
    frame = scorecard_frame(rep.figures, rep.year, (ABROAD,))
    sentence = count_sentence(frame, ABROAD, rep.year, rep.lang)
    if sentence:
        rep.text(sentence)
    share = abroad_share_line(rep.figures, rep.year, rep.lang)
    if share is not None:
        rep.text(f"{share.label}: {share.text} ({share.note}).")


# Trained labour and its path to the targets ----------------------------------------------

GOALS_SERIES = ("Kế hoạch, chỉ tiêu", "Plans and targets")


def trained_path_data(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The trained-labour rate's results, estimates and goals (plans and targets as one path) up to its last goal.

    Columns: period, kind, value, printed, source_id, series. None when there is no figure.
    """
    rows = select(figures, TRAINED, kind=None)
    goal_periods = rows.loc[rows["kind"].isin(pg.GOAL_KINDS), "period"]
    up_to = max([year] + [int(p) for p in goal_periods])
    data = pg.goal_series(figures, TRAINED, up_to)
    if data is None:
        return None
    data = data[(data["kind"].isin(pg.GOAL_KINDS)) | (data["period"] <= year)]
    series = [t(lang, GOALS_SERIES) if k in pg.GOAL_KINDS else pg.kind_label(k, lang) for k in data["kind"]]
    return data.assign(series=series).reset_index(drop=True)


def show_trained_labour(rep: Report) -> None:
    """Section: the trained-labour rate over the years, the goals ahead and the pace they need."""
    from helpers.present import charts

    rep.heading(indicator_name("trained_labour_rate", "vi"), indicator_name("trained_labour_rate", "en"))
    data = trained_path_data(rep.figures, rep.year, rep.lang)
    if data is None:
        rep.no_data(low(short_name(TRAINED, "vi")), low(short_name(TRAINED, "en")))
        return
    fig = charts.line_chart(pg.drawn(data)[["period", "value", "series"]], title=indicator_name(TRAINED, rep.lang),
                            y_label=pg.axis_text(TRAINED, rep.lang), source=rep.source_line(data["source_id"]),
                            lang=rep.lang, y_from_zero=False)
    caption = rep.t(f"{indicator_name(TRAINED, 'vi')}: kết quả và lộ trình kế hoạch, chỉ tiêu (trục tung không bắt đầu từ 0)",
                    f"{indicator_name(TRAINED, 'en')}: results and the path of plans and targets (value axis not from 0)")
    rep.figure(fig, "trained_labour_path", f"{caption}. {pg.qualified_note(data, 'percent', rep.lang)}".strip())
    sentence = rate_sentence(scorecard_frame(rep.figures, rep.year, (TRAINED,)), TRAINED, rep.year, rep.lang)
    if sentence:
        rep.text(sentence)
    else:
        rep.no_data(f"kết quả {low(short_name(TRAINED, 'vi'))}", f"the result for the {low(short_name(TRAINED, 'en'))}")
    frame = pg.progress(rep.figures, TRAINED, rep.year)
    if frame is None:
        return
    table = pg.progress_table(frame, rep.lang)
    rep.table(table.frame, "trained_labour_pace",
              rep.t("Khoảng cách tới các chỉ tiêu tỷ lệ lao động qua đào tạo và tốc độ tăng cần thiết (phụ lục tính)",
                    "Distance to the trained-labour targets and the yearly pace they need (computed by the appendix)"),
              table.source_ids, raw=table.raw)
    for sentence in pg.pace_sentences(frame, TRAINED, rep.lang, limit=len(frame)):
        rep.text(sentence)
    fig = pg.pace_chart(frame, TRAINED, rep.lang, rep.source_line(table.source_ids))
    if fig is not None:
        rep.figure(fig, "trained_labour_pace", rep.t("Mức tăng tỷ lệ lao động qua đào tạo cần thiết mỗi năm so với mức đã đạt",
                                                     "Yearly rise in the trained-labour share needed against the rise achieved"))


# Urban unemployment against its ceilings -----------------------------------------------

def show_unemployment(rep: Report) -> None:
    """Section: the urban unemployment rate against its ceilings."""
    rep.heading(indicator_name("urban_unemployment_rate", "vi"), indicator_name("urban_unemployment_rate", "en"))
    if not show_goal_chart(rep, UNEMPLOYMENT, "urban_unemployment"):
        return
    sentence = rate_sentence(scorecard_frame(rep.figures, rep.year, (UNEMPLOYMENT,)), UNEMPLOYMENT, rep.year, rep.lang)
    if sentence:
        rep.text(sentence)
    else:
        rep.no_data(f"kết quả {low(short_name(UNEMPLOYMENT, 'vi'))}", f"the result for the {low(short_name(UNEMPLOYMENT, 'en'))}")


# Ratios the appendix computes --------------------------------------------------------------

def ratio_line(figures: pd.DataFrame, numerator: str, denominator: str, year: int, lang: str,
               label: tuple[str, str], unit: str = "", unit_text: str | None = None, scale: float = 1.0,
               decimals: int = 2) -> Line | None:
    """``numerator * scale / denominator`` for ``year`` as a computed line; None when either is missing or zero.

    A numerator printed as a lower bound ("hơn 1.475") over a plain denominator
    gives a lower bound ("hơn 2,92") (see ``social_common.derived_qualifier``).
    """
    num, den = figure_line(figures, numerator, year, lang), figure_line(figures, denominator, year, lang)
    if num is None or den is None or not den.value:
        return None
    key = derived_qualifier(str(figure_row(figures, numerator, year)["printed"]),
                            str(figure_row(figures, denominator, year)["printed"]))
    return computed_line(t(lang, label), num.value * scale / den.value, unit, lang, how=f"{num.text} / {den.text}",
                         decimals=decimals, unit_text=unit_text, qualifier_key=key)


def per(amount_id: str, count_id: str, lang: str) -> str:
    """The unit of an amount per count, from the catalogue's unit names ("triệu đồng/người", "million VND per person")."""
    if lang == "vi":
        return f"{unit_label(amount_id, lang)}/{unit_label(count_id, lang)}"
    return f"{unit_label(amount_id, lang)} per {unit_label(count_id, lang).removesuffix('s')}"


def facts_table(figures: pd.DataFrame, year: int, lang: str, indicators: tuple[str, ...],
                ratios: tuple[Line | None, ...] = ()) -> Table | None:
    """The year's figures of ``indicators`` followed by computed ratios; None when no figure exists."""
    return lines_table([figure_line(figures, i, year, lang) for i in indicators] + list(ratios), lang)


VACANCIES_PER_PARTICIPANT = ("Số vị trí việc làm bình quân trên một lượt lao động tham gia",
                             "Vacancies per participant")
PARTICIPANTS_PER_SESSION = ("Số lượt lao động bình quân mỗi phiên", "Participants per session")
VACANCY_UNIT = ("vị trí/lượt lao động", "vacancies per participant")
PARTICIPANT_UNIT = ("lượt lao động/phiên", "participants per session")


def job_exchange_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Job-exchange sessions, participants and vacancies, the job fair, and vacancies per participant (computed)."""
    ratios = (
        ratio_line(figures, "job_exchange_vacancies", "job_exchange_participants", year, lang, VACANCIES_PER_PARTICIPANT,
                   unit_text=t(lang, VACANCY_UNIT)),
        ratio_line(figures, "job_exchange_participants", "job_exchange_sessions", year, lang, PARTICIPANTS_PER_SESSION,
                   unit_text=t(lang, PARTICIPANT_UNIT), decimals=1),
    )
    return facts_table(figures, year, lang, ("job_exchange_sessions", "job_exchange_participants", "job_exchange_vacancies",
                                             "job_fair_units", "job_fair_vacancies", "job_fair_career_guidance"), ratios)


def show_job_exchange(rep: Report) -> None:
    """Section: job-exchange sessions and the job fair."""
    rep.heading("Giao dịch việc làm", "Job exchanges")
    show_table(rep, job_exchange_table(rep.figures, rep.year, rep.lang), "job_exchange",
               (f"Phiên giao dịch việc làm và Ngày hội việc làm năm {rep.year}", f"Job exchange sessions and the job fair, {rep.year}"),
               ("giao dịch việc làm", "job exchanges"))


CREDIT_PER_JOB = ("Vốn giải ngân bình quân trên một lao động được giải quyết việc làm",
                  "Credit disbursed per worker placed in a job")
CREDIT_JOBS_SHARE = ("Tỷ trọng lao động được giải quyết việc làm từ vốn tín dụng trong tổng số",
                     "Workers placed through credit as a share of all jobs created")


def job_credit_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Job-creation credit: disbursed amount, jobs, with the amount per job and the share of all jobs (computed)."""
    ratios = (
        ratio_line(figures, "job_credit_disbursed", "job_credit_jobs", year, lang, CREDIT_PER_JOB,
                   unit_text=per("job_credit_disbursed", "job_credit_jobs", lang)),
        ratio_line(figures, "job_credit_jobs", JOBS, year, lang, CREDIT_JOBS_SHARE, unit="percent", scale=100),
    )
    return facts_table(figures, year, lang, ("job_credit_disbursed", "job_credit_jobs", "job_credit_self_employed"), ratios)


def show_job_credit(rep: Report) -> None:
    """Section: preferential credit for job creation."""
    rep.heading("Tín dụng ưu đãi hỗ trợ tạo việc làm", "Job-creation credit")
    show_table(rep, job_credit_table(rep.figures, rep.year, rep.lang), "job_credit",
               (f"Tín dụng ưu đãi hỗ trợ tạo việc làm năm {rep.year}", f"Preferential job-creation credit, {rep.year}"),
               ("tín dụng ưu đãi hỗ trợ tạo việc làm", "job-creation credit"))


LOAN_PER_WORKER = ("Vốn vay bình quân mỗi lao động", "Loan per worker")
SUPPORT_PER_WORKER = ("Kinh phí hỗ trợ bình quân mỗi lao động", "Support per worker")
LOAN_SHARE = ("Tỷ lệ lao động được vay vốn trong số lao động đi làm việc ở nước ngoài",
              "Workers with loans as a share of workers sent abroad")


def overseas_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Loans and policy support for workers going abroad, with amounts per worker and the share with loans (computed)."""
    ratios = (
        ratio_line(figures, "overseas_loan_amount", "overseas_loan_workers", year, lang, LOAN_PER_WORKER,
                   unit_text=per("overseas_loan_amount", "overseas_loan_workers", lang)),
        ratio_line(figures, "overseas_support_amount", "overseas_support_workers", year, lang, SUPPORT_PER_WORKER,
                   unit_text=per("overseas_support_amount", "overseas_support_workers", lang)),
        ratio_line(figures, "overseas_loan_workers", ABROAD, year, lang, LOAN_SHARE, unit="percent", scale=100),
    )
    return facts_table(figures, year, lang, ("overseas_loan_workers", "overseas_loan_amount", "overseas_support_workers",
                                             "overseas_support_amount"), ratios)


def show_overseas_support(rep: Report) -> None:
    """Section: loans and support for workers going abroad."""
    rep.heading("Vay vốn và hỗ trợ người lao động đi làm việc ở nước ngoài", "Loans and support for workers going abroad")
    show_table(rep, overseas_table(rep.figures, rep.year, rep.lang), "overseas_support",
               (f"Vay vốn và hỗ trợ người lao động đi làm việc ở nước ngoài năm {rep.year}",
                f"Loans and support for workers going abroad, {rep.year}"),
               ("vay vốn, hỗ trợ người lao động đi làm việc ở nước ngoài", "loans and support for workers going abroad"))


YOUTH_PER_PERSON = ("Kinh phí bình quân mỗi thanh niên", "Spending per young person")
VOCATIONAL_FIGURES = ("vocational_training_poor_workers", "demobilised_youth_supported", "demobilised_youth_support_amount",
                      "prisoner_counselling_participants", "colleges_merged", "colleges_after_merger",
                      "vocational_schools_repurposed", "vet_workshop_delegates")


def vocational_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Vocational-training support and the school network, with the spending per young person (computed)."""
    ratios = (ratio_line(figures, "demobilised_youth_support_amount", "demobilised_youth_supported", year, lang,
                         YOUTH_PER_PERSON, unit_text=per("demobilised_youth_support_amount", "demobilised_youth_supported", lang)),)
    return facts_table(figures, year, lang, VOCATIONAL_FIGURES, ratios)


def show_vocational(rep: Report) -> None:
    """Section: vocational-training support (poor-household workers, youth after service…) and the school network."""
    rep.heading("Giáo dục nghề nghiệp", "Vocational training")
    show_table(rep, vocational_table(rep.figures, rep.year, rep.lang), "vocational",
               (f"Hỗ trợ đào tạo nghề và mạng lưới cơ sở giáo dục nghề nghiệp năm {rep.year}",
                f"Vocational-training support and the school network, {rep.year}"),
               ("giáo dục nghề nghiệp", "vocational training"))


# Key findings ------------------------------------------------------------------------------

EXCHANGE_SENTENCE = ("{sessions} phiên giao dịch việc làm thu hút {participants} lượt lao động với {vacancies} vị trí việc làm, "
                     "bình quân {ratio} vị trí cho mỗi lượt lao động tham gia.",
                     "{sessions} job exchange sessions drew {participants} participants for {vacancies} vacancies, "
                     "{ratio} vacancies per participant.")
CUMULATIVE_SENTENCE = ("Lũy kế giai đoạn đến năm {y}, {name} là {v} {unit}{pct}.",
                       "Jobs created over the plan period up to {y}: {v} {unit}{pct}.")
CUMULATIVE_PCT = (", bằng {pct} kế hoạch giai đoạn", ", {pct} of the period plan")


def exchange_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The finding on job exchanges: sessions, participants, vacancies and vacancies per participant."""
    lines = [figure_line(figures, i, year, lang) for i in ("job_exchange_sessions", "job_exchange_participants",
                                                            "job_exchange_vacancies")]
    ratio = ratio_line(figures, "job_exchange_vacancies", "job_exchange_participants", year, lang, VACANCIES_PER_PARTICIPANT,
                       unit_text="")
    if any(line is None for line in lines) or ratio is None:
        return None
    return t(lang, EXCHANGE_SENTENCE).format(sessions=lines[0].text, participants=lines[1].text, vacancies=lines[2].text,
                                             ratio=fmt_number(ratio.value, lang, 1) if ratio.text[:1].isdigit() else ratio.text)


def cumulative_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The finding on jobs created over the plan period up to ``year``, when the data hold it."""
    total = figure_line(figures, "jobs_created_cumulative", year, lang)
    if total is None:
        return None
    pct = figure_line(figures, "jobs_created_cumulative_pct_of_plan", year, lang)
    return t(lang, CUMULATIVE_SENTENCE).format(
        y=year, name=low(short_name("jobs_created_cumulative", lang)), v=total.text, unit=total.unit_text,
        pct=t(lang, CUMULATIVE_PCT).format(pct=pct.text) if pct else "")


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Three to six key-finding sentences for ``year`` (fewer when the year has fewer figures)."""
    frame = scorecard_frame(figures, year)
    progress = pg.progress(figures, TRAINED, year)
    sentences = [
        count_sentence(frame, JOBS, year, lang),
        cumulative_sentence(figures, year, lang),
        count_sentence(frame, ABROAD, year, lang),
        rate_sentence(frame, TRAINED, year, lang),
        *pg.pace_sentences(progress, TRAINED, lang, limit=1),
        rate_sentence(frame, UNEMPLOYMENT, year, lang),
        exchange_sentence(figures, year, lang),
    ]
    return [s for s in sentences if s][:6]


def show_title(rep: Report) -> None:
    """The notebook's title heading."""
    rep.heading(*TITLE, level=1)


def show_findings(rep: Report) -> None:
    """The notebook's key findings (a "no data" sentence when the year has none)."""
    show_sentences(rep, findings(rep.figures, rep.year, rep.lang), WHAT)
