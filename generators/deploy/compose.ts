import { deployTarget } from './kit.js';

export default deployTarget({ id: 'compose', label: 'Docker Compose on one server', hint: 'compose.yaml on a VM you run; the simplest start' });
