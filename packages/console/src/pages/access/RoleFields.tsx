// The roles of an account and, for a 机构用户, its institution: the fields of both the new-account
// form and the change-of-roles dialog (the same rules in both).
import type { Role } from '@yibao/api';
import { ROLES } from '@yibao/api/constants';
import { Checkbox, Form, Select } from 'antd';
import { label } from '../../format/labels';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';

export interface RoleValues {
  roles: Role[];
  institutionId?: string;
}

/** What the service receives: the institution only with the role that is bound to one. */
export function roleBody(values: RoleValues): RoleValues {
  return values.roles.includes('institution_user') && values.institutionId !== undefined
    ? { roles: values.roles, institutionId: values.institutionId }
    : { roles: values.roles };
}

export function RoleFields() {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  return (
    <>
      <Form.Item
        name="roles"
        label={t('accounts.roles')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('accounts.rolesRequired') },
          {
            // The service's rule: a 机构用户 is bound to one institution and holds no other role.
            validator: (_, roles: Role[] | undefined) =>
              roles !== undefined && roles.includes('institution_user') && roles.length > 1
                ? Promise.reject(new Error(t('accounts.institutionUserAlone')))
                : Promise.resolve(),
          },
        ]}
      >
        <Checkbox.Group
          data-testid="account-roles"
          options={ROLES.map((role) => ({
            value: role,
            label: `${label(t, 'role', role)} · ${t(`roleHelp.${role}`)}`,
          }))}
          style={{ display: 'grid', gap: 4 }}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['roles']}>
        {({ getFieldValue }) =>
          (getFieldValue('roles') as Role[] | undefined)?.includes('institution_user') === true ? (
            <Form.Item
              name="institutionId"
              label={t('accounts.institution')}
              extra={t('accounts.institutionHelp')}
              rules={[{ required: true, message: t('accounts.institutionRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="account-institution"
                placeholder={t('settlements.institutionPlaceholder')}
                loading={!directory.ready && directory.error === undefined}
                options={directory.list.map((i) => ({ value: i.id, label: `${i.name} (${i.id})` }))}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}
