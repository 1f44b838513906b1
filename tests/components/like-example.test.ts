import { describe, expect, it } from 'vitest';
import { addedAsExample, likeExample } from '../../components/like-example';

describe('the words for examples', () => {
  it('names the interests "More like this" added the paper to', () => {
    expect(addedAsExample(['GANs'])).toBe('Added as an example of “GANs”');
    expect(addedAsExample(['GANs', 'Visual tracking'])).toBe('Added as an example of “GANs”, “Visual tracking”');
  });

  it('says which example a paper is like, with the words they share when known', () => {
    expect(likeExample({ title: 'Score-Based Generative Modeling through SDEs', words: ['score', 'sde'] })).toBe('like “Score-Based Generative Modeling through SDEs” (shares score, sde)');
    expect(likeExample({ title: 'Score-Based Generative Modeling through SDEs' })).toBe('like “Score-Based Generative Modeling through SDEs”');
  });
});
