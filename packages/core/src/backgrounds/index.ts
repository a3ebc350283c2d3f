import type { Background } from '../model.js';
import { csGrad } from './cs-grad.js';
import { dataEngineer } from './data-engineer.js';
import { devopsSre } from './devops-sre.js';
import { frontend } from './frontend.js';
import { fullstack } from './fullstack.js';
import { itSysadmin } from './it-sysadmin.js';
import { qa } from './qa.js';
import { selfTaught } from './self-taught.js';

export const BACKGROUNDS: readonly Background[] = [
  csGrad,
  selfTaught,
  frontend,
  fullstack,
  dataEngineer,
  devopsSre,
  qa,
  itSysadmin,
];
