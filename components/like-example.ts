import { t } from '../lib/i18n';
import type { SimilarPaper } from '../lib/match/types';

/** What "More like this" did: "Added as an example of “GANs”, “RL”". */
export function addedAsExample(labels: readonly string[]): string {
  return t('addedAsExample', labels.map((label) => `“${label}”`).join(', '));
}

/** Why the examples brought a paper: the closest example, and the words the paper shares with it. */
export function likeExample(closest: SimilarPaper): string {
  return closest.words?.length ? t('likeExampleWords', [closest.title, closest.words.join(', ')]) : t('likeExample', closest.title);
}
