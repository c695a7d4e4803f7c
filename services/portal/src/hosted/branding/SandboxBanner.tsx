import type { TestCard } from '../api/client';
import { groupedNumber } from '../components/card';
import { useLocalized } from '../i18n';

/**
 * The sandbox's notice, like a payment provider's test mode: nothing here is
 * charged, and these cards do what their description says. `onUse` fills the
 * card form with one.
 */
export function SandboxBanner({ testCards, onUse }: { testCards: TestCard[]; onUse?: ((number: string) => void) | undefined }) {
  const { t } = useLocalized();
  return (
    <div role="note" aria-labelledby="hosted-sandbox-title" className="hosted-sandbox">
      <p>
        <strong id="hosted-sandbox-title">{t.sandbox.title}</strong> {t.sandbox.body}
      </p>
      {testCards.length > 0 ? (
        <ul className="hosted-test-cards">
          {testCards.map((card) => (
            <li key={card.number}>
              <span className="hosted-mono">{groupedNumber(card.number)}</span> — {card.description}
              {onUse ? (
                <>
                  {' '}
                  <button type="button" className="hosted-link-button" aria-label={t.sandbox.use(card.number)} onClick={() => onUse(card.number)}>
                    {t.sandbox.useShort}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
