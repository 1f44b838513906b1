/**
 * Starter interests for the welcome page: arXiv categories with the words their papers use in
 * titles, so a new user has matches before writing a keyword. Terms follow the matcher's rules
 * (phrases match their words in order; four letters or fewer match whole words only), and stay
 * specific enough that a template does not badge half of a listing.
 */
import type { Interest } from './interests';
import { newInterest } from './interests-edit';
import { groupBy } from './collections';

export interface Template {
  /** The arXiv category, also the interest's id. */
  category: string;
  label: string;
  area: 'Computer science' | 'Statistics' | 'Physics' | 'Biology' | 'Mathematics and engineering';
  terms: string[];
}

export const TEMPLATES: readonly Template[] = [
  { category: 'cs.LG', area: 'Computer science', label: 'Machine learning', terms: ['deep learning', 'neural network', 'representation learning', 'generalization bound', 'contrastive learning', 'federated learning'] },
  { category: 'cs.CL', area: 'Computer science', label: 'Language models and NLP', terms: ['language model', 'LLM', 'natural language processing', 'machine translation', 'question answering', 'text generation'] },
  { category: 'cs.CV', area: 'Computer science', label: 'Computer vision', terms: ['image segmentation', 'object detection', 'visual tracking', 'image classification', 'pose estimation', 'video understanding'] },
  { category: 'cs.AI', area: 'Computer science', label: 'Reinforcement learning and agents', terms: ['reinforcement learning', 'multi-agent', 'reward model', 'policy gradient', 'Markov decision process', 'LLM agent'] },
  { category: 'cs.RO', area: 'Computer science', label: 'Robotics', terms: ['robot', 'robotic manipulation', 'motion planning', 'SLAM', 'legged locomotion', 'autonomous driving'] },
  { category: 'cs.CR', area: 'Computer science', label: 'Security and privacy', terms: ['adversarial attack', 'differential privacy', 'malware', 'cryptographic', 'side-channel', 'vulnerability'] },
  { category: 'cs.DC', area: 'Computer science', label: 'Distributed systems', terms: ['distributed systems', 'consensus protocol', 'fault tolerance', 'cloud computing', 'serverless', 'GPU cluster'] },
  { category: 'cs.DS', area: 'Computer science', label: 'Algorithms', terms: ['approximation algorithm', 'graph algorithm', 'online algorithm', 'streaming algorithm', 'polynomial time', 'NP-hard'] },
  { category: 'cs.SE', area: 'Computer science', label: 'Software engineering', terms: ['software engineering', 'program repair', 'code generation', 'static analysis', 'software testing'] },
  { category: 'cs.HC', area: 'Computer science', label: 'Human-computer interaction', terms: ['user study', 'human-computer interaction', 'usability study', 'visual analytics', 'interaction design', 'crowdsourcing'] },
  { category: 'cs.IR', area: 'Computer science', label: 'Information retrieval and recommendation', terms: ['recommender system', 'information retrieval', 'retrieval-augmented', 'search engine', 'collaborative filtering'] },
  { category: 'stat.ML', area: 'Statistics', label: 'Statistical machine learning', terms: ['Bayesian inference', 'Gaussian process', 'variational inference', 'kernel methods', 'causal inference'] },
  { category: 'stat.ME', area: 'Statistics', label: 'Statistical methodology', terms: ['causal inference', 'survival analysis', 'hypothesis testing', 'Markov chain Monte Carlo', 'confidence interval', 'missing data'] },
  { category: 'quant-ph', area: 'Physics', label: 'Quantum computing', terms: ['quantum computing', 'qubit', 'quantum error correction', 'entanglement', 'quantum algorithm'] },
  { category: 'cond-mat', area: 'Physics', label: 'Condensed matter', terms: ['superconductivity', 'topological insulator', 'spin liquid', 'quantum phase transition', 'graphene'] },
  { category: 'hep-th', area: 'Physics', label: 'High-energy theory', terms: ['string theory', 'AdS/CFT', 'conformal field theory', 'gauge theory', 'black hole', 'supersymmetry'] },
  { category: 'astro-ph', area: 'Physics', label: 'Astrophysics', terms: ['exoplanet', 'galaxy', 'dark matter', 'gravitational wave', 'cosmology'] },
  { category: 'q-bio.NC', area: 'Biology', label: 'Neuroscience', terms: ['neuronal', 'neural coding', 'cortex', 'fMRI', 'spiking neurons', 'brain activity'] },
  { category: 'q-bio.GN', area: 'Biology', label: 'Genomics', terms: ['genome', 'single-cell', 'RNA-seq', 'gene expression', 'DNA sequencing', 'genome-wide'] },
  { category: 'q-bio.BM', area: 'Biology', label: 'Proteins and molecules', terms: ['protein structure', 'protein design', 'drug discovery', 'molecular dynamics', 'binding affinity'] },
  { category: 'math.OC', area: 'Mathematics and engineering', label: 'Optimization', terms: ['convex optimization', 'stochastic gradient', 'nonconvex optimization', 'optimal control', 'convergence rate'] },
  { category: 'eess.SP', area: 'Mathematics and engineering', label: 'Signal processing', terms: ['signal processing', 'beamforming', 'compressed sensing', 'channel estimation', 'radar'] },
  { category: 'eess.AS', area: 'Mathematics and engineering', label: 'Speech and audio', terms: ['speech recognition', 'speech synthesis', 'speaker verification', 'audio', 'text-to-speech'] },
];

/** The arXiv listing of a category's new submissions, where a template's matches show at once. */
export function listingUrl(category: string): string {
  return `https://arxiv.org/list/${category}/new`;
}

/**
 * The listings to open after choosing `categories`: each archive's (arxiv.org/list/cs/new holds
 * every cs.* paper of the day) first, then each category's own.
 */
export function listingsFor(categories: readonly string[]): string[] {
  const archives = categories.map((c) => c.split('.')[0]!);
  return [...new Set([...archives, ...categories])];
}

/** A template as a new interest among `existing` (fresh id and an unused colour). */
export function interestFromTemplate(template: Template, existing: readonly Interest[]): Interest {
  return { ...newInterest(existing, template.label), terms: [...template.terms] };
}

/** Templates grouped by area, in table order. */
export function templatesByArea(): [Template['area'], Template[]][] {
  return [...groupBy(TEMPLATES, (t) => t.area)];
}
