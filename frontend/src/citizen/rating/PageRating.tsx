import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useMutation } from "urql";

import { RatePageDocument, type PageRatingAnswer } from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf, type Problem } from "../../shared/problems";
import { ratedPath } from "./ratedPath";
import "./rating.css";

const STARS = [1, 2, 3, 4, 5] as const;
/** From this many stars the follow-up asks what went well, below what was hard (as the server checks). */
const GOOD_FROM = 4;
const GOOD: PageRatingAnswer[] = ["CLEAR", "COMPLETE", "ON_TRACK", "NO_TECHNICAL_PROBLEMS", "OTHER"];
const POOR: PageRatingAnswer[] = ["UNCLEAR", "INCOMPLETE", "LOST", "TECHNICAL_PROBLEMS", "OTHER"];
export const MAX_COMMENT = 200;

const STAR_PATH = "M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z";

/**
 * The question at the bottom of every page of the Designers Italia model, "Quanto sono chiare le
 * informazioni su questa pagina?": five stars as radio buttons, then what went well or what was
 * hard and an optional comment, sent anonymously for this page. The layout gives each page its
 * own (keyed by address), so moving on starts afresh.
 */
export function PageRating() {
  const { t } = useTranslation("rating");
  const { pathname } = useLocation();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [pointed, setPointed] = useState(0);
  const [answer, setAnswer] = useState<PageRatingAnswer | null>(null);
  const [comment, setComment] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [thanked, setThanked] = useState(false);
  const [{ fetching }, rate] = useMutation(RatePageDocument);
  const answers = stars >= GOOD_FROM ? GOOD : POOR;

  const choose = (value: number) => {
    setStars(value);
    // an answer about what went well does not fit a poor rating, nor the other way round
    if (answer && !(value >= GOOD_FROM ? GOOD : POOR).includes(answer)) setAnswer(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rate({ input: { path: ratedPath(pathname), stars, answer, comment: comment.trim() || null } });
    const found = problemsOf(result.data?.ratePage.errors, result.error);
    setProblems(found);
    if (!found.length) setThanked(true);
  };

  return (
    <section className="bg-primary py-5" aria-labelledby={`${id}-title`} data-testid="page-rating">
      <div className="container">
        <div className="row justify-content-center">
          <div className="col-12 col-lg-8 col-xl-6">
            <div className="card shadow rounded p-4 no-after">
              <h2 id={`${id}-title`} className="h4 mb-3">
                {t("question")}
              </h2>
              <div role="status">{thanked && <p className="lead mb-0" data-testid="rating-thanks">{t("thanks")}</p>}</div>
              {!thanked && (
                <form onSubmit={submit} noValidate>
                  <fieldset className="page-rating-stars" onMouseLeave={() => setPointed(0)}>
                    <legend className="visually-hidden">{t("starsLegend")}</legend>
                    {STARS.map((value) => (
                      <span key={value}>
                        <input
                          className="visually-hidden"
                          type="radio"
                          id={`${id}-star-${value}`}
                          name={`${id}-stars`}
                          value={value}
                          checked={stars === value}
                          onChange={() => choose(value)}
                        />
                        <label
                          htmlFor={`${id}-star-${value}`}
                          className={value <= (pointed || stars) ? "filled" : undefined}
                          onMouseEnter={() => setPointed(value)}
                        >
                          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <path d={STAR_PATH} />
                          </svg>
                          <span className="visually-hidden">{t("star", { count: value })}</span>
                        </label>
                      </span>
                    ))}
                  </fieldset>
                  {stars > 0 && (
                    <>
                      <fieldset className="mt-4">
                        <legend className="h5 mb-2">{t(stars >= GOOD_FROM ? "good" : "poor")}</legend>
                        {answers.map((value) => (
                          <div className="form-check" key={value}>
                            <input
                              type="radio"
                              id={`${id}-answer-${value}`}
                              name={`${id}-answer`}
                              checked={answer === value}
                              onChange={() => setAnswer(value)}
                            />
                            <label htmlFor={`${id}-answer-${value}`}>{t(`answers.${value}`)}</label>
                          </div>
                        ))}
                      </fieldset>
                      <div className="form-group mt-4 mb-3">
                        <label htmlFor={`${id}-comment`} className="active">
                          {t("comment")}
                        </label>
                        <textarea
                          id={`${id}-comment`}
                          className="form-control"
                          rows={3}
                          maxLength={MAX_COMMENT}
                          value={comment}
                          aria-describedby={`${id}-comment-hint`}
                          onChange={(event) => setComment(event.target.value)}
                        />
                        <small id={`${id}-comment-hint`} className="form-text">
                          {t("commentHint", { max: MAX_COMMENT, left: MAX_COMMENT - comment.length })}
                        </small>
                      </div>
                      <ProblemList problems={problems} labels={{ comment: t("comment"), stars: t("starsLegend") }} />
                      <button type="submit" className="btn btn-primary" disabled={fetching}>
                        {fetching ? t("sending") : t("submit")}
                      </button>
                    </>
                  )}
                </form>
              )}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
