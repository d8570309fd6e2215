export type Tab<Id extends string> = { id: Id; label: string };

type TabsProps<Id extends string> = { tabs: Tab<Id>[]; active: Id; onChange: (id: Id) => void; label: string };

export function Tabs<Id extends string>({ tabs, active, onChange, label }: TabsProps<Id>) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          className={tab.id === active ? 'tab tab-active' : 'tab'}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
