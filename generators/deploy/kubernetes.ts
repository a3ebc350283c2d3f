import { deployTarget } from './kit.js';

export default deployTarget({ id: 'kubernetes', label: 'Kubernetes', hint: 'manifests in k8s/: Deployment, Service, migration Job, HPA' });
