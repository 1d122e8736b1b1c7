// The console's language: Chinese first, English on request, remembered in this browser. Every
// visible string goes through `t`, so a page never mixes the two.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages.en';
import { zh, type MessageKey } from './messages.zh';

export type Locale = 'zh-CN' | 'en-US';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'yibao.console.locale';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // Storage can be blocked; Chinese is the default either way.
  }
  return 'zh-CN';
}

interface LocaleValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
    document.documentElement.lang = next;
  }, []);
  const t = useCallback<Translate>(
    (key, vars) => {
      const template = DICTIONARIES[locale][key];
      if (vars === undefined) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in vars ? String(vars[name]) : whole,
      );
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (value === null) throw new Error('useLocale outside LocaleProvider');
  return value;
}

/** True when `key` is in the dictionary: enum labels fall back to the raw code when it is not. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}
