import { deployTarget } from './kit.js';

export default deployTarget({ id: 'render', label: 'Render', hint: 'render.yaml Blueprint with a managed database and a pre-deploy migration' });
