import { useTranslation } from 'react-i18next';
import { dismissProblem, useProblems } from '../app/problems.ts';

/** Background failures, each with what went wrong and a way to dismiss it. */
export function ProblemBanner() {
  const { t } = useTranslation();
  const problems = useProblems();
  if (problems.length === 0) return null;
  return (
    <div className="problem-banner" role="alert">
      {problems.map((problem) => (
        <p key={problem.id}>
          {t(`storage.failure.${problem.error.failure}`, { message: problem.error.message })}
          <button type="button" className="link-button" onClick={() => dismissProblem(problem.id)}>
            {t('review.dismissMessage')}
          </button>
        </p>
      ))}
    </div>
  );
}
