// 权限与认证 (issue 13): institutions' credentials; officers' accounts join here.
export * from './credentials.js';
