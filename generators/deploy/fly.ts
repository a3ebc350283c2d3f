import { deployTarget } from './kit.js';

export default deployTarget({ id: 'fly', label: 'Fly.io', hint: 'fly.toml; migrations run as the release command' });
