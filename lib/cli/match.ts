/** `npm run -s match -- --interests <interests.json> <papers.json>`: CONTRACT §2. */
import { InterestsFileError, parseInterestsFile, type InterestsFile } from '../interests';
import { finish, trainModels } from '../learn/model';
import { compileInterests, matchPapers } from '../match/matcher';
import { parsePaperList } from '../match/paper-list';
import { parseArgs, readJson, runCli, UsageError } from './args';

const USAGE = 'match --interests <interests.json> <papers.json>';

function readInterests(path: string): InterestsFile {
  try {
    return parseInterestsFile(readJson(path));
  } catch (err) {
    if (err instanceof InterestsFileError) throw new UsageError(`invalid interests file ${path}: ${err.message}`);
    throw err;
  }
}

runCli('match', () => {
  const { options, positional } = parseArgs(process.argv.slice(2), ['interests'], USAGE);
  const interestsPath = options.get('interests');
  if (!interestsPath) throw new UsageError(`missing --interests; usage: ${USAGE}`);
  if (positional.length !== 1) throw new UsageError(`expected one papers JSON file; usage: ${USAGE}`);
  const papersPath = positional[0] as string;
  const { interests } = readInterests(interestsPath);
  const papers = parsePaperList(readJson(papersPath));
  // CONTRACT §2: the examples learn against the input papers (the extension learns against its store).
  const learned = interests.some((i) => i.examples?.length) ? finish(trainModels(interests, papers)) : undefined;
  const matches = matchPapers(compileInterests(interests, learned), papers);
  return papers.map((paper, i) => ({ key: paper.key, matches: matches[i] ?? [] }));
});
